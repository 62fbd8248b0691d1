package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.RuleViolation;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.Move;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.CascadeStatus;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Proposal;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catchball on a number: agreement puts the agreed target in the child's metric (created the first
 * time, updated when the thread is reopened and agreed again) and links it to the parent's metric;
 * a target that is not a number, or a metric that is not above the child, is refused.
 */
@SpringTest
class MetricCommitmentTest {

    private static final LocalDate YEAR_END = LocalDate.of(2027, 3, 31);

    @Autowired
    CatchballService catchball;

    @Autowired
    MetricCommitmentService commitments;

    @Autowired
    MetricRollupService rollups;

    @Autowired
    MetricsService metrics;

    @Autowired
    PlanningService planning;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    /** The class's own two levels: numbers are proposed from the division down to the directorate. */
    private Fixtures.Levels levels() {
        return fixtures.sharedBy(MetricCommitmentTest.class, () -> fixtures.levels("Commitments"));
    }

    private static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }

    private ItemView divisionMetric(String title) {
        return as(levels().division().lead(), () -> planning.createItem(levels().division().id(), fixture.cycle(), ItemKind.METRIC,
                ItemDraft.titled(title).withMetric("count", Direction.DOWN, null, new BigDecimal("40"), YEAR_END)));
    }

    private CascadeLinkView propose(ItemView priority, ItemView metric, String target) {
        return as(levels().division().lead(), () -> catchball.proposeDown(priority.id(), List.of(levels().directorate().id()),
                new Proposal(priority.title(), target, YEAR_END, null, null), "Your share?",
                new CommitmentTerms(metric.id(), RollupRule.SUM)).getFirst());
    }

    @Test
    void agreement_creates_the_childs_metric_with_the_agreed_target_and_a_later_agreement_updates_it() {
        String title = "Pressure ulcers " + UUID.randomUUID().toString().substring(0, 8);
        ItemView parent = divisionMetric(title);
        Fixtures.Levels levels = levels();
        ItemView priority = fixtures.item(levels.division(), ItemKind.PRIORITY, "Skin care bundle " + title);
        CascadeLinkView thread = propose(priority, parent, "12");
        as(levels.directorate().lead(), () -> catchball.act(thread.id(), Move.ACCEPT, null, "Agreed."));

        MetricInfo child = as("viewer", () -> metrics.metricsOf(levels.directorate().id(), fixture.cycle())).stream()
                .filter(m -> m.title().equals(title)).findFirst().orElseThrow();
        assertThat(child.target()).isEqualByComparingTo("12");
        assertThat(child.direction()).isEqualTo(Direction.DOWN);
        assertThat(child.unitOfMeasure()).isEqualTo("count");
        MetricRollup rollup = as("viewer", () -> rollups.rollupOf(parent.id())).orElseThrow();
        assertThat(rollup.contributors()).extracting(MetricRollup.Contributor::metricId).containsExactly(child.id());
        assertThat(rollup.commitments().sentence()).isEqualTo("Directorate commitments: 12 of 40");
        CascadeLinkView agreed = as("viewer", () -> catchball.thread(thread.id()).link());
        assertThat(as("viewer", () -> commitments.ofThread(agreed)).orElseThrow().agreedText())
                .isEqualTo("Agreed number in " + levels.directorate().name() + "'s " + child.label() + ": target 12");

        as(levels.division().lead(), () -> catchball.act(thread.id(), Move.REOPEN,
                new Proposal(priority.title(), "10", YEAR_END, null, null), "Can we go further?"));
        CascadeLinkView again = as(levels.directorate().lead(), () -> catchball.act(thread.id(), Move.ACCEPT, null, "Yes."));

        assertThat(again.status()).isEqualTo(CascadeStatus.AGREED);
        List<MetricInfo> same = as("viewer", () -> metrics.metricsOf(levels.directorate().id(), fixture.cycle())).stream()
                .filter(m -> m.title().equals(title)).toList();
        assertThat(same).as("updated, not created again").extracting(MetricInfo::id).containsExactly(child.id());
        assertThat(same.getFirst().target()).isEqualByComparingTo("10");
        assertThat(as("viewer", () -> rollups.rollupOf(parent.id())).orElseThrow().commitments().sentence())
                .isEqualTo("Directorate commitments: 10 of 40");
    }

    @Test
    void a_target_that_is_not_a_number_is_refused_when_proposed_and_when_countered() {
        ItemView parent = divisionMetric("Falls probe " + UUID.randomUUID().toString().substring(0, 8));
        ItemView priority = fixtures.item(levels().division(), ItemKind.PRIORITY, "Falls probe priority " + UUID.randomUUID());
        int threads = jdbc.sql("select count(*) from cascade_link").query(Integer.class).single();

        assertThatThrownBy(() -> propose(priority, parent, "30 % fewer falls"))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("The target “30 % fewer falls” is not a number: a proposal for " + parent.code() + " " + parent.title()
                        + " needs a number as its target, such as 18.");
        assertThat(jdbc.sql("select count(*) from cascade_link").query(Integer.class).single()).as("nothing saved").isEqualTo(threads);

        CascadeLinkView thread = propose(priority, parent, "1,200 count");
        assertThatThrownBy(() -> as("admin", () -> catchball.act(thread.id(), Move.COUNTER,
                new Proposal(priority.title(), "about ten", YEAR_END, null, null), "Less?")))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("The target “about ten” is not a number");
        assertThat(as("viewer", () -> catchball.thread(thread.id())).link().status()).isEqualTo(CascadeStatus.PROPOSED);
    }

    @Test
    void a_metric_that_is_not_above_the_child_cannot_carry_the_number() {
        ItemView wardMetric = fixture.item("W7", "Falls with harm");
        ItemView priority = fixtures.item(levels().division(), ItemKind.PRIORITY, "Not above probe " + UUID.randomUUID());

        assertThatThrownBy(() -> propose(priority, wardMetric, "3")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("which is not above " + levels().directorate().name());
    }
}
