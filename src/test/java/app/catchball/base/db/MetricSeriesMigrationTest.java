package app.catchball.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.SpringTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V20 (a metric is an enduring series) on a copy of the demo trust's metric data as it stood at V19
 * ({@code src/test/resources/migration/demo-metrics-v19.sql}): a fresh database is migrated to V19,
 * the copy is loaded, with a rolled-forward cycle added (one chain whose periods never collide, one that
 * does), then migrated to the latest version. Every value and every history row is there after, unchanged.
 */
@SpringTest
class MetricSeriesMigrationTest {

    private static final String DATABASE = "v20_migration";

    @Autowired
    EmbeddedPostgres pg;

    @AfterEach
    void dropDatabase() throws SQLException {
        superuser("postgres", "drop database if exists " + DATABASE + " with (force)");
    }

    record ValueRow(long id, long metricId, String period, String value, String updatedAt, String updatedBy, long version) {
    }

    record HistoryRow(long id, long metricId, String period, String oldValue, String newValue, String changedBy,
                      String changedAt, String source) {
    }

    @Test
    void every_value_and_every_history_row_of_the_demo_data_survives_and_carried_metrics_share_one_series() throws Exception {
        superuser("postgres", "drop database if exists " + DATABASE + " with (force)");
        superuser("postgres", "create database " + DATABASE);
        DataSource db = pg.getDatabase(EmbeddedCredentials.SUPERUSER, DATABASE);
        flyway(db).target("19").load().migrate();
        load(db);
        JdbcClient jdbc = JdbcClient.create(db);
        long discharges = w7("Discharges before noon", jdbc);
        long falls = w7("Falls with harm", jdbc);
        // As a roll-forward at V19 left it: 2027/28 with Ward 7's discharges and falls carried, each with a value;
        // the falls' copy has one for a period its predecessor holds too.
        jdbc.sql("""
                insert into cycle (id, name, first_month, last_month, stage, is_current, previous_cycle_id)
                values (900, '2027/28', date '2027-04-01', date '2028-03-01', 'DRAFT', false, 1);
                insert into plan_item (id, cycle_id, unit_id, kind, number, sort_order, title, direction, target, carried_from_id)
                select 900 + row_number() over (order by id), 900, unit_id, kind, number, sort_order, title, direction, target, id
                from plan_item where id in (:discharges, :falls);
                insert into metric_value (metric_id, period, value, updated_at, updated_by)
                values (901, date '2026-11-01', 30, now(), 'ward7.manager'), (902, date '2026-10-01', 4, now(), 'ward7.manager');
                insert into metric_value_history (metric_id, period, old_value, new_value, changed_by, changed_at, source)
                values (901, date '2026-11-01', null, 30, 'ward7.manager', now(), 'MANUAL'),
                       (902, date '2026-10-01', null, 4, 'ward7.manager', now(), 'MANUAL');
                insert into metric_rebase (metric_id, period, reason) values (:discharges, date '2025-11-01', 'Daily huddle');
                insert into metric_spc_settings (metric_id, fix_after_n, screen_outliers) values (901, 12, false);
                """.replace(":discharges", String.valueOf(discharges)).replace(":falls", String.valueOf(falls))).update();
        assertThat(jdbc.sql("select count(*) from metric_value where metric_id in (901, 902)").query(Integer.class).single()).isEqualTo(2);

        List<ValueRow> values = values(jdbc, "metric_value v");
        List<HistoryRow> history = history(jdbc, "metric_value_history h");
        assertThat(values).hasSizeGreaterThan(190);
        assertThat(history).hasSizeGreaterThan(190);

        long started = System.nanoTime();
        flyway(db).load().migrate();
        System.out.println("V20 on the demo data: " + (System.nanoTime() - started) / 1_000_000 + " ms");

        assertThat(jdbc.sql("select max(version) from flyway_schema_history where success").query(String.class).single())
                .isGreaterThanOrEqualTo("20");
        // Every row, by its id, now in the series of its metric: the same rows, the same values, who and when.
        assertThat(valuesAfter(jdbc)).containsExactlyInAnyOrderElementsOf(values.stream()
                .map(v -> new ValueRow(v.id(), seriesOf(jdbc, v.metricId()), v.period(), v.value(), v.updatedAt(), v.updatedBy(), v.version()))
                .toList());
        assertThat(historyAfter(jdbc)).containsExactlyInAnyOrderElementsOf(history.stream()
                .map(h -> new HistoryRow(h.id(), seriesOf(jdbc, h.metricId()), h.period(), h.oldValue(), h.newValue(), h.changedBy(),
                        h.changedAt(), h.source()))
                .toList());
        // Each metric still reads each of its own values by its plan item (the metric_value view), as they were.
        assertThat(values(jdbc, "metric_value v")).containsAll(values);
        assertThat(history(jdbc, "metric_value_history h")).containsAll(history);
        assertThat(jdbc.sql("select count(*) from plan_item where kind = 'METRIC' and series_id is null").query(Integer.class).single())
                .isZero();

        // The discharges carried forward share one series: 25 months, read through either cycle's item.
        assertThat(seriesOf(jdbc, 901)).isEqualTo(seriesOf(jdbc, discharges));
        assertThat(jdbc.sql("select count(*) from metric_value where metric_id = 901").query(Integer.class).single()).isEqualTo(25);
        assertThat(jdbc.sql("select count(*) from metric_value where metric_id = :m").param("m", discharges).query(Integer.class).single())
                .isEqualTo(25);
        // ... and the rebase set on the 2026/27 item applies to the 2027/28 one, whose settings the series keeps.
        assertThat(jdbc.sql("select period::text from metric_rebase where metric_id = 901").query(String.class).list())
                .containsExactly("2025-11-01");
        assertThat(jdbc.sql("select fix_after_n from metric_spc_settings where metric_id = :m").param("m", discharges)
                .query(Integer.class).single()).isEqualTo(12);
        // The falls' copy held a value for a period its predecessor holds too: each keeps its own series, nothing lost.
        assertThat(seriesOf(jdbc, 902)).isNotEqualTo(seriesOf(jdbc, falls));
        assertThat(jdbc.sql("select value::text from metric_value where metric_id = 902").query(String.class).list())
                .containsExactly("4.0000");

        // A new metric item gets a series of its own; the application's role still writes through the old name.
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title)
                select 900, unit_id, 'METRIC', 99, 99, 'New measure' from plan_item where id = :d
                """).param("d", discharges).update();
        long fresh = jdbc.sql("select id from plan_item where title = 'New measure'").query(Long.class).single();
        jdbc.sql("insert into metric_value (metric_id, period, value, updated_at, updated_by) values (:m, date '2026-10-01', 5, now(), 'x')")
                .param("m", fresh).update();
        assertThat(jdbc.sql("select s.title from metric_series s join plan_item m on m.series_id = s.id where m.id = :m")
                .param("m", fresh).query(String.class).single()).isEqualTo("New measure");
        assertThat(jdbc.sql("select count(*) from series_value where series_id = :s").param("s", seriesOf(jdbc, fresh))
                .query(Integer.class).single()).isEqualTo(1);
    }

    private static List<ValueRow> values(JdbcClient jdbc, String from) {
        return jdbc.sql("select v.id, v.metric_id, v.period::text, v.value::text, v.updated_at::text, v.updated_by, v.version from " + from)
                .query(ValueRow.class).list();
    }

    private static List<HistoryRow> history(JdbcClient jdbc, String from) {
        return jdbc.sql("""
                        select h.id, h.metric_id, h.period::text, h.old_value::text, h.new_value::text, h.changed_by,
                               h.changed_at::text, h.source from\s""" + from).query(HistoryRow.class).list();
    }

    private static List<ValueRow> valuesAfter(JdbcClient jdbc) {
        return jdbc.sql("select v.id, v.series_id as metric_id, v.period::text, v.value::text, v.updated_at::text, v.updated_by, v.version "
                + "from series_value v").query(ValueRow.class).list();
    }

    private static List<HistoryRow> historyAfter(JdbcClient jdbc) {
        return jdbc.sql("""
                        select h.id, h.series_id as metric_id, h.period::text, h.old_value::text, h.new_value::text, h.changed_by,
                               h.changed_at::text, h.source from series_value_history h""").query(HistoryRow.class).list();
    }

    private static long seriesOf(JdbcClient jdbc, long item) {
        return jdbc.sql("select series_id from plan_item where id = :id").param("id", item).query(Long.class).single();
    }

    private static long w7(String title, JdbcClient jdbc) {
        return jdbc.sql("""
                        select m.id from plan_item m join org_unit u on u.id = m.unit_id
                        where u.short_code = 'W7' and m.kind = 'METRIC' and m.title = :t
                        """).param("t", title).query(Long.class).single();
    }

    private static FluentConfiguration flyway(DataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .placeholders(Map.of("appRole", EmbeddedCredentials.APP_ROLE));
    }

    /** Loads the copy's COPY blocks as the superuser, triggers off (as pg_restore --disable-triggers would). */
    private static void load(DataSource db) throws SQLException, IOException {
        String dump;
        try (InputStream in = MetricSeriesMigrationTest.class.getResourceAsStream("/migration/demo-metrics-v19.sql")) {
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local session_replication_role = replica");
            PGConnection copy = c.unwrap(PGConnection.class);
            for (String block : dump.split("\n\\\\\\.\n")) {
                int start = block.startsWith("COPY ") ? 0 : block.indexOf("\nCOPY ") + 1;
                if (start == 0 && !block.startsWith("COPY ")) {
                    continue;
                }
                String body = block.substring(start);
                int eol = body.indexOf('\n');
                String command = (eol < 0 ? body : body.substring(0, eol)).replace("FROM stdin;", "FROM STDIN");
                String rows = eol < 0 ? "" : body.substring(eol + 1) + "\n";
                copy.getCopyAPI().copyIn(command, new StringReader(rows));
            }
            for (String table : List.of("org_unit", "cycle", "plan_item", "metric_value", "metric_value_history")) {
                s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
            }
            c.commit();
        }
    }

    private void superuser(String database, String sql) throws SQLException {
        try (Connection c = pg.getDatabase(EmbeddedCredentials.SUPERUSER, database).getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
