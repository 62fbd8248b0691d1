package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import app.catchball.support.StatementCounter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** Many metrics' SPC read at once: the same results as one metric at a time, in a fixed number of statements. */
@SpringTest
class SpcBatchTest {

    @Autowired
    MetricsService metrics;

    @Autowired
    SpcSummaryService summaries;

    @Autowired
    MetricVerdictService verdicts;

    @Autowired
    PlanFixture fixture;

    /** Changes Ward 7's SPC settings, so it runs in a transaction that is rolled back. */
    @Test
    @Transactional
    void the_batch_gives_each_metric_the_same_spc_as_reading_it_alone_with_its_rebases_and_settings() {
        MetricInfo discharges = SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).getFirst();
        SystemUser.runAs("admin", () -> metrics.changeSpcSettings(discharges.id(),
                new SpcSettings(null, false, List.of(LocalDate.of(2025, 11, 1)))));
        List<Long> ids = SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).stream()
                .map(MetricInfo::id).toList();
        Map<Long, MetricSpc> batch = SystemUser.runAs("viewer", () -> summaries.spcOf(ids));

        assertThat(batch.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (long id : ids) {
            MetricSpc alone = SystemUser.runAs("viewer", () -> metrics.spc(id));
            assertThat(batch.get(id).periods()).isEqualTo(alone.periods());
            assertThat(batch.get(id).result()).isEqualTo(alone.result());
        }
        assertThat(batch.get(discharges.id()).result().points().get(13).mean())
                .as("the rebase splits the limits").isNotEqualTo(batch.get(discharges.id()).result().points().get(0).mean());
    }

    @Test
    void the_spc_summary_and_the_bowling_chart_cost_the_same_few_statements_whatever_the_number_of_metrics() {
        int[] ward = new int[1];
        int[] trust = new int[1];
        List<SpcVerdict> w7 = SystemUser.runAs("viewer",
                () -> StatementCounter.counting(() -> summaries.summary(fixture.unit("W7"), fixture.cycle()), ward));
        List<SpcVerdict> nth = SystemUser.runAs("viewer",
                () -> StatementCounter.counting(() -> summaries.summary(fixture.unit("NTH"), fixture.cycle()), trust));
        // Other test classes add probe metrics to Ward 7: the demo's three are there, in matrix order.
        assertThat(w7).extracting(v -> v.metric().title()).containsSubsequence("Discharges before noon", "Falls with harm",
                "Patients who would recommend the ward");
        assertThat(nth.size()).isNotEqualTo(w7.size());
        assertThat(ward[0]).isEqualTo(trust[0]).isLessThanOrEqualTo(10);

        int[] bowling = new int[1];
        SystemUser.runAs("viewer", () -> StatementCounter.counting(() -> metrics.bowling(fixture.unit("NTH"), fixture.cycle()), bowling));
        assertThat(bowling[0]).as("bowling chart with its icons' SPC and the countermeasure rule").isLessThanOrEqualTo(10);
    }

    @Test
    void a_months_verdicts_read_the_series_once_and_cost_no_more_than_the_bowling_chart() {
        long unit = fixture.unit("W7");
        int[] statements = new int[1];
        List<String> executed = SystemUser.runAs("viewer", () -> StatementCounter.recording(() -> StatementCounter.counting(
                () -> verdicts.verdicts(unit, fixture.cycle(), YearMonth.of(2026, 10)), statements)));
        assertThat(executed).as("statements that read the metrics' series").filteredOn(sql -> sql.contains("metric_spc_settings"))
                .hasSize(1);
        int[] bowling = new int[1];
        SystemUser.runAs("viewer", () -> StatementCounter.counting(() -> metrics.bowling(unit, fixture.cycle()), bowling));
        assertThat(statements[0]).isLessThanOrEqualTo(bowling[0]);
    }
}
