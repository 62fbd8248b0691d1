package app.catchball.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark organisation: a generated trust of 3,001 units (10 divisions, 100 directorates,
 * 2,900 wards) and about 51,000 plan items with their correlations, the size of an integrated care
 * system. Made once per database, for the {@code *Benchmark} classes only.
 */
public final class BenchmarkOrganisation {

    private BenchmarkOrganisation() {
    }

    /** Generates the organisation in the given cycle, unless it is there already. */
    public static void ensure(JdbcClient jdbc, long cycle) {
        if (jdbc.sql("select count(*) from org_unit where short_code = 'BENCH'").query(Integer.class).single() > 0) {
            return;
        }
        long root = jdbc.sql("insert into org_unit (name, short_code, level_code) values ('Benchmark Trust', 'BENCH', 'TRUST') returning id")
                .query(Long.class).single();
        jdbc.sql("""
                insert into org_unit (name, short_code, level_code, parent_id)
                select 'Bench division ' || g, 'BENCH-' || g, 'DIVISION', :root from generate_series(1, 10) g
                """).param("root", root).update();
        jdbc.sql("""
                insert into org_unit (name, short_code, level_code, parent_id)
                select 'Bench directorate ' || p.short_code || '-' || g, p.short_code || '-' || g, 'DIRECTORATE', p.id
                from org_unit p cross join generate_series(1, 10) g where p.parent_id = :root
                """).param("root", root).update();
        jdbc.sql("""
                insert into org_unit (name, short_code, level_code, parent_id)
                select 'Bench ward ' || p.short_code || '-' || g, p.short_code || '-' || g, 'WARD', p.id
                from org_unit p cross join generate_series(1, 29) g
                where p.level_code = 'DIRECTORATE' and p.short_code like 'BENCH-%'
                """).update();
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title)
                select null, :root, 'TRUE_NORTH', g, g, 'Bench True North ' || g from generate_series(1, 4) g
                """).param("root", root).update();
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title, true_north_id)
                select :cycle, :root, 'BREAKTHROUGH', t.number, t.number, 'Bench breakthrough ' || t.number, t.id
                from plan_item t where t.unit_id = :root and t.kind = 'TRUE_NORTH'
                """).param("cycle", cycle).param("root", root).update();
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title, unit_of_measure, direction, target, team_name)
                select :cycle, u.id, k.kind, g, g, k.kind || ' ' || g || ' of ' || u.short_code,
                       case when k.kind = 'METRIC' then '%' end, case when k.kind = 'METRIC' then 'UP' end,
                       case when k.kind = 'METRIC' then 90 end, case when k.kind = 'OWNER' then 'Team ' || g end
                from org_unit u
                cross join (values ('ANNUAL', 4), ('PRIORITY', 5), ('METRIC', 4), ('OWNER', 2)) as k(kind, n)
                cross join lateral generate_series(1, k.n) g
                where u.short_code like 'BENCH%'
                """).param("cycle", cycle).update();
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title, source_item_id)
                select :cycle, u.id, 'INPUT', p.number, p.number, p.title, p.id
                from org_unit u join plan_item p on p.unit_id = u.parent_id and p.kind = 'PRIORITY' and p.number <= 2
                where u.short_code like 'BENCH-%'
                """).param("cycle", cycle).update();
        for (String[] corner : List.of(
                new String[] {"SW", "in ('INPUT', 'BREAKTHROUGH')", "= 'ANNUAL'", "a.number = b.number or a.number + 2 = b.number"},
                new String[] {"NW", "= 'ANNUAL'", "= 'PRIORITY'", "a.number = b.number or a.number + 4 = b.number or (a.number = 2 and b.number = 1)"},
                new String[] {"NE", "= 'PRIORITY'", "= 'METRIC'", "a.number = b.number or a.number = b.number + 4"},
                new String[] {"SE", "= 'METRIC'", "in ('INPUT', 'BREAKTHROUGH')", "a.number = b.number"},
                new String[] {"OWNERS", "= 'PRIORITY'", "= 'OWNER'", "a.number % 2 + 1 = b.number"})) {
            jdbc.sql("insert into correlation (corner, item_a_id, item_b_id, strength) select '" + corner[0] + "', a.id, b.id, 'STRONG' "
                    + "from plan_item a join plan_item b on b.unit_id = a.unit_id and b.cycle_id = a.cycle_id "
                    + "join org_unit u on u.id = a.unit_id "
                    + "where u.short_code like 'BENCH%' and a.kind " + corner[1] + " and b.kind " + corner[2]
                    + " and (" + corner[3] + ")").update();
        }
        jdbc.sql("analyze").update();
    }
}
