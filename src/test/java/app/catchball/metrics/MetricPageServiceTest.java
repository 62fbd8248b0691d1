package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.RuleViolation;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import app.catchball.support.StatementCounter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15: the metric page read in one call, with one look-up of the metric and one permission check,
 * shows what the separate reads of each part show.
 */
@SpringTest
class MetricPageServiceTest {

    @Autowired
    MetricPageService pages;

    @Autowired
    MetricsService metrics;

    @Autowired
    CommentaryService commentary;

    @Autowired
    AnnotationService annotations;

    @Autowired
    BowlingRuleService bowlingRules;

    @Autowired
    MetricRollupService rollups;

    @Autowired
    CountermeasureService countermeasures;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    /** The demo's Ward 7 metrics and the directorate's falls (which has contributors and a parent). */
    private List<Long> demoMetrics() {
        List<Long> ids = new ArrayList<>(SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle()))
                .stream().map(MetricInfo::id).toList());
        ids.add(fixture.item("EAM", "Falls with harm").id());
        return ids;
    }

    @Test
    void the_page_shows_what_the_separate_reads_of_each_part_show() {
        for (String user : new String[] {"viewer", "ward7.manager", "coach"}) {
            for (long id : demoMetrics()) {
                SystemUser.runAs(user, () -> {
                    MetricPage page = pages.page(id);
                    String as = user + " on metric " + id;
                    MetricSpc spc = metrics.spc(id);
                    assertThat(page.metric()).as(as).isEqualTo(metrics.metric(id));
                    assertThat(page.spc().periods()).as(as).isEqualTo(spc.periods());
                    assertThat(page.spc().result()).as(as).isEqualTo(spc.result());
                    assertThat(page.settings()).as(as).isEqualTo(metrics.spcSettings(id));
                    assertThat(page.values()).as(as).isEqualTo(metrics.values(id));
                    assertThat(page.corrections()).as(as)
                            .isEqualTo(metrics.history(id).stream().filter(h -> h.oldValue() != null).toList());
                    assertThat(page.notes().versions()).as(as).isEqualTo(commentary.history(id).reversed());
                    assertThat(page.notes().annotations()).as(as).isEqualTo(annotations.annotations(id));
                    assertThat(page.notes().mayWrite()).as(as).isEqualTo(commentary.mayWrite(id));
                    assertThat(page.bowling().rule()).as(as).isEqualTo(bowlingRules.rule(id));
                    assertThat(page.bowling().mayChange()).as(as).isEqualTo(metrics.mayChangeMetric(id));
                    assertThat(page.rollup().rollup()).as(as).isEqualTo(rollups.rollupOf(id).orElse(null));
                    assertThat(page.rollup().mayLink()).as(as).isEqualTo(rollups.mayLink(id));
                    assertThat(page.countermeasures()).as(as).isEqualTo(countermeasures.countermeasures(id));
                    assertThat(page.mayChangeMetric()).as(as).isEqualTo(metrics.mayChangeMetric(id));
                    assertThat(page.mayEnterValues()).as(as).isEqualTo(metrics.mayEnterValues(id));
                    assertThat(page.mayRecordCountermeasures()).as(as).isEqualTo(countermeasures.mayRecord(id));
                    assertThat(page.owners().isEmpty()).as(as).isEqualTo(!page.mayRecordCountermeasures());
                    assertThat(page.currentPeriod()).as(as).isEqualTo(metrics.currentPeriod(id));
                });
            }
        }
        // Who may do what differs between the demo users, so the comparison above compares both answers.
        long ward7 = demoMetrics().getFirst();
        assertThat(SystemUser.runAs("viewer", () -> pages.page(ward7)).mayEnterValues()).isFalse();
        assertThat(SystemUser.runAs("ward7.manager", () -> pages.page(ward7)).mayChangeMetric()).isTrue();
    }

    @Test
    void a_corrected_value_is_listed_as_a_correction_and_the_chart_reads_the_new_value() {
        Fixtures.Ward ward = fixtures.ward("Metric page ward");
        long id = fixtures.metric(ward, "Metric page probe").id();
        LocalDate september = LocalDate.of(2026, 9, 1);
        SystemUser.runAs(ward.contributor(), () -> {
            metrics.saveValues(id, List.of(new ValueEntry(LocalDate.of(2026, 8, 1), BigDecimal.valueOf(4)),
                    new ValueEntry(september, BigDecimal.valueOf(5))), ValueSource.MANUAL);
            metrics.saveValues(id, List.of(new ValueEntry(september, BigDecimal.valueOf(7))), ValueSource.MANUAL);
        });

        MetricPage page = SystemUser.runAs(ward.contributor(), () -> pages.page(id));
        assertThat(page.values()).extracting(v -> v.value().stripTrailingZeros()).containsExactly(BigDecimal.valueOf(4), BigDecimal.valueOf(7));
        assertThat(page.spc().result().points().getLast().value()).isEqualTo(7.0);
        assertThat(page.corrections()).singleElement().satisfies(h -> {
            assertThat(h.period()).isEqualTo(september);
            assertThat(h.oldValue()).isEqualByComparingTo("5");
            assertThat(h.newValue()).isEqualByComparingTo("7");
        });
        assertThat(page.mayEnterValues()).isTrue();
        assertThat(page.mayChangeMetric()).as("a Contributor does not change the metric").isFalse();
        assertThat(SystemUser.runAs(ward.lead(), () -> pages.page(id)).mayChangeMetric()).isTrue();
    }

    @Test
    void the_page_costs_a_few_statements_and_refuses_a_metric_that_does_not_exist() {
        long falls = fixture.item("EAM", "Falls with harm").id();
        int[] statements = new int[1];
        SystemUser.runAs("ward7.manager", () -> StatementCounter.counting(() -> pages.page(falls), statements));
        // The metric with its rule, the permission, the series, commentary, notes, roll-up, corrections,
        // countermeasures and the people a countermeasure may name.
        assertThat(statements[0]).isLessThanOrEqualTo(10);

        assertThatThrownBy(() -> SystemUser.runAs("viewer", () -> pages.page(-1L)))
                .isInstanceOf(RuleViolation.class).hasMessage("That metric does not exist.");
    }
}
