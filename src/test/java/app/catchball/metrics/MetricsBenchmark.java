package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.spc.ImprovementDirection;
import app.catchball.metrics.spc.SpcEngine;
import app.catchball.metrics.spc.SpcOptions;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import app.catchball.support.StatementCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SPC speed and the bowling chart's statements. {@code ./mvnw -Pbenchmark test}; results in target/benchmark-results.txt. */
@Tag("benchmark")
@SpringTest
class MetricsBenchmark {

    @Autowired
    MetricsService metrics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanFixture fixture;

    @Test
    void spc_of_60_points_and_a_bowling_chart_of_30_metrics_by_12_months() throws IOException {
        Random random = new Random(7);
        double[] series = new double[60];
        for (int i = 0; i < series.length; i++) {
            series[i] = 50 + random.nextGaussian() * 5 + (i > 40 ? 8 : 0);
        }
        SpcOptions options = SpcOptions.defaults(ImprovementDirection.INCREASE);
        for (int i = 0; i < 20_000; i++) {
            SpcEngine.analyse(series, options);
        }
        long[] ns = new long[1000];
        for (int i = 0; i < ns.length; i++) {
            long t = System.nanoTime();
            SpcEngine.analyse(series, options);
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);

        long unit = fixture.unit("W12");
        long cycle = fixture.cycle();
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title, unit_of_measure, direction, target)
                select :cycle, :unit, 'METRIC', g, g, 'Bench metric ' || g, '%', 'UP', 80 from generate_series(1, 30) g
                """).param("cycle", cycle).param("unit", unit).update();
        jdbc.sql("""
                insert into metric_value (metric_id, period, value, updated_at, updated_by)
                select m.id, d::date, 70 + random() * 20, now(), 'bench'
                from plan_item m cross join generate_series(date '2026-04-01', date '2027-03-01', interval '1 month') d
                where m.unit_id = :unit and m.kind = 'METRIC'
                """).param("unit", unit).update();
        int[] statements = new int[1];
        BowlingChart chart = SystemUser.runAs("viewer", () -> StatementCounter.counting(() -> metrics.bowling(unit, cycle), statements));
        long[] bowl = new long[30];
        for (int i = 0; i < bowl.length; i++) {
            long t = System.nanoTime();
            SystemUser.runAs("viewer", () -> metrics.bowling(unit, cycle));
            bowl[i] = System.nanoTime() - t;
        }
        Arrays.sort(bowl);

        String report = String.join("\n",
                "Metrics benchmark (" + Runtime.getRuntime().availableProcessors() + " cores)",
                String.format("SPC analysis of a 60-point series: median %.1f µs, p99 %.1f µs", ns[500] / 1e3, ns[990] / 1e3),
                String.format("bowling chart of %d metrics x %d months: %d SQL statements in all (the grid itself is one), median %.2f ms",
                        chart.rows().size(), chart.months().size(), statements[0], bowl[15] / 1e6),
                "");
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-results.txt"), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(chart.rows()).hasSize(30);
    }
}
