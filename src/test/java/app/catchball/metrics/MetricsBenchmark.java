package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.spc.ImprovementDirection;
import app.catchball.metrics.spc.SpcEngine;
import app.catchball.metrics.spc.SpcOptions;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.BenchmarkResults;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import app.catchball.support.StatementCounter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPC speed, and what a unit's bowling chart (30 metrics × 24 months of history, with the Making Data Count
 * icons) and a directorate's SPC summary cost. {@code ./mvnw -Pbenchmark test -Dtest=MetricsBenchmark};
 * results in target/benchmark-results.txt, one {@code BENCH} line per figure with a target (issue 12, point 12).
 */
@Tag("benchmark")
@SpringTest
class MetricsBenchmark {

    @Autowired
    MetricsService metrics;

    @Autowired
    SpcSummaryService summaries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SpcBatchQueries spcs;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    @Test
    void spc_of_60_points_a_bowling_chart_of_30_metrics_by_24_months_and_a_directorates_spc_summary() {
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

        long cycle = fixture.cycle();
        // Units of its own (tests own their data): a directorate with one ward, 30 metrics on each.
        Fixtures.Ward ownDirectorate = fixtures.levels("Benchmark").directorate();
        long directorate = ownDirectorate.id();
        long ward = fixtures.below(ownDirectorate, "Benchmark ward").id();
        seed(ward, cycle);
        seed(directorate, cycle);
        jdbc.sql("analyze").update();

        int[] statements = new int[1];
        BowlingChart chart = SystemUser.runAs("viewer", () -> StatementCounter.counting(() -> metrics.bowling(ward, cycle), statements));
        // Server time of the chart with its icons: the chart, and the two SVG icons of every row drawn.
        double bowlingMs = median(() -> {
            BowlingChart c = metrics.bowling(ward, cycle);
            return c.rows().stream().mapToInt(r -> MdcIcons.variationSvg(r.spc().variation(), r.metric().direction()).length()
                    + MdcIcons.assuranceSvg(r.spc().assurance()).length()).sum();
        });
        // Where the chart's time goes: the one read of 30 series, their 30 SPC analyses, the 60 icons.
        List<Long> ids = chart.rows().stream().map(r -> r.metric().id()).toList();
        double seriesMs = median(() -> spcs.seriesOf(ids));
        var read = spcs.seriesOf(ids);
        double analysesMs = median(() -> chart.rows().stream().map(r -> MetricsService.analyse(r.metric(),
                read.get(r.metric().id()).values(), read.get(r.metric().id()).settings())).toList());
        double iconsMs = median(() -> chart.rows().stream().mapToInt(r -> MdcIcons.variationSvg(r.spc().variation(),
                r.metric().direction()).length() + MdcIcons.assuranceSvg(r.spc().assurance()).length()).sum());
        double pingMs = median(() -> jdbc.sql("select 1").query(Integer.class).single());
        int[] summaryStatements = new int[1];
        List<SpcVerdict> summary = SystemUser.runAs("viewer",
                () -> StatementCounter.counting(() -> summaries.summary(directorate, cycle), summaryStatements));
        double summaryMs = median(() -> summaries.summary(directorate, cycle));

        String report = String.join("\n",
                "Metrics benchmark (" + Runtime.getRuntime().availableProcessors() + " cores)",
                String.format(Locale.ROOT, "SPC analysis of a 60-point series: median %.1f µs, p99 %.1f µs", ns[500] / 1e3, ns[990] / 1e3),
                String.format(Locale.ROOT, "bowling chart of %d metrics x %d months (24 months of values each), with icons: %d SQL "
                        + "statements, median %.2f ms", chart.rows().size(), chart.months().size(), statements[0], bowlingMs),
                String.format(Locale.ROOT, "  of which: reading the 30 series %.2f ms, their SPC %.2f ms, the 60 icons %.2f ms; "
                        + "a bare 'select 1' takes %.2f ms on this machine now", seriesMs, analysesMs, iconsMs, pingMs),
                String.format(Locale.ROOT, "SPC summary of a directorate (%d metrics): %d SQL statements, median %.2f ms",
                        summary.size(), summaryStatements[0], summaryMs),
                bench("spc-60-points", ns[500] / 1e6, "ms", 1),
                bench("bowling-chart-30x24-statements", statements[0], "statements", 10),
                bench("bowling-chart-30x24-server-time", bowlingMs, "ms", 50),
                bench("spc-summary-directorate-statements", summaryStatements[0], "statements", 10),
                "");
        BenchmarkResults.print(report);
        assertThat(chart.rows()).hasSize(30);
        assertThat(summary).hasSizeGreaterThanOrEqualTo(30);
    }

    /** 30 metrics on the unit, each with 24 monthly values (Apr 2025 to Mar 2027), half of them above target. */
    private void seed(long unit, long cycle) {
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title, unit_of_measure, direction, target)
                select :cycle, :unit, 'METRIC', 100 + g, 100 + g, 'Bench metric ' || g, '%', 'UP', 80 from generate_series(1, 30) g
                """).param("cycle", cycle).param("unit", unit).update();
        jdbc.sql("""
                insert into metric_value (metric_id, period, value, updated_at, updated_by)
                select m.id, d::date, 70 + random() * 20, now(), 'bench'
                from plan_item m cross join generate_series(date '2025-04-01', date '2027-03-01', interval '1 month') d
                where m.unit_id = :unit and m.kind = 'METRIC' and m.title like 'Bench metric %'
                """).param("unit", unit).update();
    }

    private static double median(Supplier<?> work) {
        return SystemUser.runAs("viewer", () -> {
            for (int i = 0; i < 10; i++) {
                work.get();
            }
            long[] ns = new long[30];
            for (int i = 0; i < ns.length; i++) {
                long t = System.nanoTime();
                work.get();
                ns[i] = System.nanoTime() - t;
            }
            Arrays.sort(ns);
            return ns[ns.length / 2] / 1e6;
        });
    }

    /** {@code BENCH <name> <value> <unit> target <= <target> <unit> met|MISSED}. */
    private static String bench(String name, double value, String unit, double target) {
        return String.format(Locale.ROOT, "BENCH %s %s %s target <= %s %s %s", name,
                unit.equals("statements") ? String.valueOf((int) value) : String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "0"),
                unit, target % 1 == 0 ? String.valueOf((int) target) : String.valueOf(target), unit, value <= target ? "met" : "MISSED");
    }
}
