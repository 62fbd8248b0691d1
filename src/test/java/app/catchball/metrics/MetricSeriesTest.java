package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.audit.AuditService;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleStage;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A metric is an enduring series: one history across cycles, kept by the roll-forward; the demo's closed 2025/26. */
@SpringTest
class MetricSeriesTest {

    @Autowired
    MetricsService metrics;

    @Autowired
    MetricSeriesService series;

    @Autowired
    CycleService cycles;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditService audit;

    private <T> T viewer(Supplier<T> work) {
        return SystemUser.runAs("viewer", work::get);
    }

    private CycleSummary previous() {
        return viewer(cycles::cycles).stream().filter(c -> c.name().equals("2025/26")).findFirst().orElseThrow();
    }

    private MetricInfo metric(String unit, long cycle, String title) {
        return viewer(() -> metrics.metricsOf(fixture.unit(unit), cycle)).stream().filter(m -> m.title().equals(title))
                .findFirst().orElseThrow();
    }

    @Test
    void the_demo_has_a_closed_2025_26_whose_ward_7_metrics_continue_into_2026_27_with_24_months_in_one_series() {
        CycleSummary previous = previous();
        CycleSummary current = viewer(() -> cycles.current().orElseThrow());
        assertThat(previous.stage()).isEqualTo(CycleStage.CLOSED);
        assertThat(previous.current()).isFalse();
        assertThat(current.previousCycleId()).isEqualTo(previous.id());

        Map<Long, Long> before = viewer(() -> series.seriesIds(fixture.unit("W7"), previous.id()));
        Map<Long, Long> now = viewer(() -> series.seriesIds(fixture.unit("W7"), current.id()));
        // The demo's Ward 7 metrics (other test classes add probe metrics of the current cycle only).
        List<MetricInfo> ward7 = viewer(() -> metrics.metricsOf(fixture.unit("W7"), current.id())).stream()
                .filter(m -> List.of("Discharges before noon", "Falls with harm", "Patients who would recommend the ward").contains(m.title())).toList();
        assertThat(ward7).hasSize(3);
        for (MetricInfo m : ward7) {
            MetricInfo old = metric("W7", previous.id(), m.title());
            assertThat(now.get(m.id())).as(m.title()).isEqualTo(before.get(old.id()));
            assertThat(viewer(() -> metrics.values(old.id()))).as(m.title()).hasSizeGreaterThanOrEqualTo(24)
                    .isEqualTo(viewer(() -> metrics.values(m.id())));
        }
        // Each cycle's bowling chart shows its own months of the one series.
        BowlingChart chart = viewer(() -> metrics.bowling(fixture.unit("W7"), previous.id()));
        assertThat(chart.months()).first().isEqualTo(YearMonth.of(2025, 4));
    }

    @Test
    void the_series_survives_the_roll_forward_and_the_spc_of_the_new_metric_shows_both_years() {
        CycleSummary next = SystemUser.runAs("chief.exec", () -> cycles.rollForward(fixture.cycle(), "2027/28 (series)"));
        MetricInfo discharges = metric("W7", fixture.cycle(), "Discharges before noon");
        MetricInfo carried = metric("W7", next.id(), "Discharges before noon");

        assertThat(carried.id()).isNotEqualTo(discharges.id());
        assertThat(carried.frequency()).isEqualTo(discharges.frequency());
        assertThat(viewer(() -> series.seriesIds(fixture.unit("W7"), next.id())).get(carried.id()))
                .isEqualTo(viewer(() -> series.seriesIds(fixture.unit("W7"), fixture.cycle())).get(discharges.id()));
        List<MetricValueView> values = viewer(() -> metrics.values(carried.id()));
        assertThat(values).isEqualTo(viewer(() -> metrics.values(discharges.id())));
        MetricSpc spc = viewer(() -> metrics.spc(carried.id()));
        assertThat(spc.periods()).hasSize(values.size()).contains(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1));
        assertThat(spc.periods().size()).isGreaterThanOrEqualTo(24);

        // A value entered through either cycle's item is the series' value: both read it, with its history.
        SystemUser.runAs("ward7.manager", () -> metrics.saveValues(carried.id(),
                List.of(new ValueEntry(LocalDate.of(2024, 10, 1), new BigDecimal("11"))), ValueSource.MANUAL));
        assertThat(viewer(() -> metrics.values(discharges.id()))).extracting(MetricValueView::period)
                .contains(LocalDate.of(2024, 10, 1));
        assertThat(viewer(() -> metrics.history(discharges.id()))).first()
                .satisfies(h -> assertThat(h.period()).isEqualTo(LocalDate.of(2024, 10, 1)));
        // The audit trail names the series' value in words, on the metric's unit, and finds it by the type "metric value".
        assertThat(AuditService.typeName("series_value")).isEqualTo("metric value");
        assertThat(SystemUser.runAs("admin", () -> audit.search(
                new AuditService.AuditFilter("ward7.manager", fixture.unit("W7"), "series_value", null, null), 0, 1)))
                .first().satisfies(e -> assertThat(e.sentence()).startsWith("Tom Ellis created value 11")
                        .endsWith(" for Oct 2024 in Ward 7 — Respiratory"));

        // The copied catchball threads keep their steps: as many, in order, ending in the thread's status.
        record Thread(long id, String status, long oldId) {
        }
        List<Thread> threads = jdbc.sql("""
                        select n.id, n.status, o.id as old_id from cascade_link n
                        join plan_item ns on ns.id = n.source_item_id and ns.cycle_id = :next
                        join cascade_link o on o.source_item_id = ns.carried_from_id and o.child_unit_id = n.child_unit_id
                        """).param("next", next.id()).query(Thread.class).list();
        assertThat(threads).isNotEmpty();
        for (Thread t : threads) {
            List<String> steps = jdbc.sql("select seq || ' ' || move || ' ' || state_after from catchball_step where link_id = :l order by seq")
                    .param("l", t.id()).query(String.class).list();
            assertThat(steps).as("thread %s", t.id()).isEqualTo(
                    jdbc.sql("select seq || ' ' || move || ' ' || state_after from catchball_step where link_id = :l order by seq")
                            .param("l", t.oldId()).query(String.class).list());
            if (!steps.isEmpty()) {
                assertThat(steps.getLast()).as("thread %s", t.id()).endsWith(" " + t.status());
            }
        }
        assertThat(threads).anySatisfy(t -> assertThat(jdbc.sql("select count(*) from catchball_step where link_id = :l")
                .param("l", t.id()).query(Integer.class).single()).isPositive());
    }

    @Test
    void a_rebase_set_in_2025_26_still_applies_in_2026_27() {
        MetricInfo before = metric("W7", previous().id(), "Falls with harm");
        MetricInfo now = metric("W7", fixture.cycle(), "Falls with harm");
        int segmentsBefore = segments(now);
        try {
            SystemUser.runAs("ward7.manager", () -> metrics.changeSpcSettings(before.id(),
                    new SpcSettings(null, true, List.of(LocalDate.of(2025, 11, 1)))));

            assertThat(viewer(() -> metrics.spcSettings(now.id())).rebaseDates()).containsExactly(LocalDate.of(2025, 11, 1));
            assertThat(segments(now)).isEqualTo(segmentsBefore + 1);
        } finally {
            SystemUser.runAs("ward7.manager", () -> metrics.changeSpcSettings(now.id(), new SpcSettings(null, true, List.of())));
        }
        assertThat(viewer(() -> metrics.spcSettings(before.id())).rebaseDates()).isEmpty();
    }

    private int segments(MetricInfo metric) {
        return (int) viewer(() -> metrics.spc(metric.id())).result().points().stream()
                .map(p -> p.mean()).distinct().count();
    }
}
