package app.catchball.projects;

import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.LineOfSightEdges;
import app.catchball.planning.sql.PlanRelations;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Line of sight for projects: which plan items their links reach upwards (towards True North), and
 * which projects are aligned, walked for many start points at once in one statement each. The
 * edges are the X-matrix's line of sight.
 */
@Repository
class AlignmentQueries {

    /**
     * The projects in scope ({@code scope}), the items they are linked to ({@code starts}) and of
     * those the ones that trace to True North ({@code aligned}), in two walks over distinct items:
     * up from the linked items, then down from the True North goals reached, within what was
     * reached. It costs the number of items on the way, not projects times paths. Parameters:
     * {@code :unit}, and {@code :below} for the units under it.
     */
    static final String ALIGNED_SCOPE = SqlText.using("""
            with recursive sub (id) as (
                select cast(:unit as bigint)
                union all
                select c.id from {units} c join sub on c.parent_id = sub.id and :below
            ),
            scope (id) as (select p.id from project p where p.unit_id in (select id from sub)),
            starts (id) as (
                select distinct pi.item_id from project_item pi join {plan_items} s on s.id = pi.item_id and not s.archived
                where pi.project_id in (select id from scope)
            ),
            up (id) as (
                select id from starts
                union
                select e.parent_id from up
                cross join lateral (
            """, UnitRelations.UNITS, PlanRelations.PLAN_ITEMS) + LineOfSightEdges.up("up.id") + SqlText.using("""
                ) e
                join {plan_items} p on p.id = e.parent_id and not p.archived
            ),
            down (id) as (
                select up.id from up join {plan_items} t on t.id = up.id where t.kind = 'TRUE_NORTH'
                union
                select e.item_id from down
                cross join lateral (
            """, PlanRelations.PLAN_ITEMS) + LineOfSightEdges.down("down.id") + """
                ) e
                where e.item_id in (select id from up)
            ),
            aligned (id) as (select starts.id from starts join down on down.id = starts.id)
            """;

    /** Within {@link #ALIGNED_SCOPE}: whether project {@code p} has a link that traces to True North. */
    static final String IS_ALIGNED =
            "exists (select 1 from project_item pa where pa.project_id = p.id and pa.item_id in (select id from aligned))";

    /** Every plan item reachable upwards from the items linked to the given projects. */
    static final String REACH = reach(SqlText.using("""
            select pi.project_id, pi.item_id from project_item pi
            where pi.project_id in (:ids) and (select not s.archived from {plan_items} s where s.id = pi.item_id)""",
            PlanRelations.PLAN_ITEMS));

    /** The same walk from plan items themselves (the "project" is the start item). */
    private static final String ITEM_REACH = reach(SqlText.using("select s.id, s.id from {plan_items} s where s.id in (:ids) and not s.archived", PlanRelations.PLAN_ITEMS));

    /**
     * Every plan item reachable upwards (towards True North) from the start rows: the same edges as
     * the X-matrix's line of sight, walked for many start points at once in one statement. Each step
     * looks its items up by key (scalar subqueries, which PostgreSQL keeps as index look-ups), so the
     * walk costs the rows it reaches, not the size of {@code plan_item}: a join here was planned as
     * a hash of every plan item, built again at each level of the recursion (17 ms on the demo
     * trust's 61 projects once the benchmark organisation's 51,000 items were in the table).
     */
    private static String reach(String start) {
        return "with recursive up (project_id, id) as (\n" + start + """

                union
                select up.project_id, e.parent_id
                from up
                cross join lateral (
            """ + LineOfSightEdges.up("up.id") + SqlText.using("""
                ) e
                where (select not p.archived from {plan_items} p where p.id = e.parent_id)
            )
            select up.project_id, up.id as item_id, (select i.kind from {plan_items} i where i.id = up.id) as kind from up
            """, PlanRelations.PLAN_ITEMS);
    }

    private final JdbcClient jdbc;

    AlignmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Of these plan items, those whose line of sight reaches True North: one statement. */
    Set<Long> alignedItems(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> result = new HashSet<>();
        jdbc.sql(ITEM_REACH)
                .param("ids", itemIds)
                .query(rs -> {
                    if ("TRUE_NORTH".equals(rs.getString(3))) {
                        result.add(rs.getLong(1));
                    }
                });
        return result;
    }

    /** Of these projects, those with a link whose line of sight reaches True North: one statement. */
    Set<Long> alignedProjects(Collection<Long> projectIds) {
        Set<Long> aligned = new HashSet<>();
        if (projectIds.isEmpty()) {
            return aligned;
        }
        jdbc.sql("select r.project_id from (" + REACH + ") r where r.kind = 'TRUE_NORTH'").param("ids", projectIds).query(rs -> {
            aligned.add(rs.getLong(1));
        });
        return aligned;
    }

    /** For every plan item reached from the projects' links, the projects that reach it. */
    Map<Long, Set<Long>> reachedBy(Collection<Long> projectIds) {
        Map<Long, Set<Long>> result = new HashMap<>();
        if (projectIds.isEmpty()) {
            return result;
        }
        jdbc.sql(REACH).param("ids", projectIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(2), k -> new HashSet<>()).add(rs.getLong(1));
                });
        return result;
    }

    /** Per unit of the subtree that has projects: how many, and how many of them are aligned (one statement). */
    void countsByUnit(long unitId, UnitCounts counts) {
        jdbc.sql(ALIGNED_SCOPE + """
                        select p.unit_id, count(*), count(*) filter (where exists (
                            select 1 from project_item pa where pa.project_id = p.id and pa.item_id in (select id from aligned)))
                        from project p where p.id in (select id from scope) group by p.unit_id
                        """)
                .param("unit", unitId).param("below", true)
                .query(rs -> {
                    counts.add(rs.getLong(1), rs.getInt(2), rs.getInt(3));
                });
    }

    /** Receives a unit's project count and aligned count. */
    interface UnitCounts {
        void add(long unitId, int projects, int aligned);
    }
}
