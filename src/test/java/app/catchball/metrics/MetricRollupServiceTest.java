package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.RuleViolation;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanningService;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.Fixtures.Ward;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Roll-ups between levels through the real services on real PostgreSQL: sum, mean and ratio of
 * sums month by month (with months some units did not report), the commitments sentence, and the
 * links that are refused. The class owns its units (a division, a directorate and three wards,
 * made once through {@link Fixtures}), and each test makes metrics of its own on them.
 */
@SpringTest
class MetricRollupServiceTest {

    private static final YearMonth APR = YearMonth.of(2026, 4);
    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @Autowired
    MetricRollupService rollups;

    @Autowired
    MetricsService metrics;

    @Autowired
    PlanningService planning;

    @Autowired
    Fixtures fixtures;

    /** The class's own levels: Ward A, B and C under the directorate, under the division. */
    record Units(Ward division, Ward directorate, Ward wardA, Ward wardB, Ward wardC) {
    }

    private Units units() {
        return fixtures.sharedBy(MetricRollupServiceTest.class, () -> {
            Fixtures.Levels levels = fixtures.levels("Roll-up");
            Ward directorate = levels.directorate();
            return new Units(levels.division(), directorate, fixtures.below(directorate, "Roll-up ward A"),
                    fixtures.below(directorate, "Roll-up ward B"), fixtures.below(directorate, "Roll-up ward C"));
        });
    }

    private static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }

    private long metric(Ward unit, String unitOfMeasure, Direction direction, String target) {
        return as("admin", () -> planning.createItem(unit.id(), fixtures.cycle(), ItemKind.METRIC,
                ItemDraft.titled("Roll-up probe " + UUID.randomUUID().toString().substring(0, 8)).withMetric(unitOfMeasure,
                        direction, null, target == null ? null : new BigDecimal(target), null))).id();
    }

    private void values(long metric, YearMonth month, String value) {
        as("admin", () -> metrics.saveValues(metric, List.of(new ValueEntry(month.atDay(1), new BigDecimal(value))), ValueSource.MANUAL));
    }

    private MetricRollup rollup(long metric) {
        return as("viewer", () -> rollups.rollupOf(metric)).orElseThrow();
    }

    @Test
    void a_sum_adds_up_the_wards_that_reported_and_says_how_many_did() {
        Units u = units();
        long parent = metric(u.directorate(), "count", Direction.DOWN, "30");
        long w9 = metric(u.wardA(), "count", Direction.DOWN, "10");
        long w10 = metric(u.wardB(), "count", Direction.DOWN, "8");
        values(w9, APR, "4");
        values(w10, APR, "6");
        values(w9, MAY, "5");
        as("admin", () -> rollups.link(w9, parent, RollupRule.SUM, null));
        as("admin", () -> rollups.link(w10, parent, RollupRule.SUM, null));

        MetricRollup rollup = rollup(parent);
        assertThat(rollup.rule()).isEqualTo(RollupRule.SUM);
        assertThat(rollup.month(APR).value()).isEqualByComparingTo("10");
        assertThat(rollup.month(APR).text()).isEqualTo("10");
        assertThat(rollup.month(MAY).text()).as("Ward B did not report May").isEqualTo("5 (1 of 2)");
        assertThat(rollup.month(YearMonth.of(2026, 6))).as("nobody reported June").isNull();
        assertThat(rollup.commitments().sentence()).isEqualTo("Ward commitments: 18 of 30");
        assertThat(rollup.commitments().gap()).isEqualByComparingTo("12");
        assertThat(rollup.commitments().covered()).as("18 a month or fewer meets at most 30").isTrue();
        assertThat(rollup(w9).contributesTo().sentence()).startsWith("Contributes to M").endsWith("(" + u.directorate().name() + ") by sum");
    }

    @Test
    void a_mean_averages_the_wards_and_a_short_commitment_is_not_covered() {
        Units u = units();
        long parent = metric(u.directorate(), "%", Direction.UP, "88");
        long w9 = metric(u.wardA(), "%", Direction.UP, "90");
        long w10 = metric(u.wardB(), "%", Direction.UP, "80");
        long renal = metric(u.wardC(), "%", Direction.UP, null);
        values(w9, APR, "90");
        values(w10, APR, "70");
        for (long child : List.of(w9, w10, renal)) {
            as("admin", () -> rollups.link(child, parent, RollupRule.MEAN, null));
        }

        MetricRollup rollup = rollup(parent);
        assertThat(rollup.month(APR).value()).isEqualByComparingTo("80");
        assertThat(rollup.month(APR).text()).isEqualTo("80 (2 of 3)");
        assertThat(rollup.commitments().sentence()).isEqualTo("Ward commitments: 85 of 88 (1 without a target)");
        assertThat(rollup.commitments().covered()).isFalse();
    }

    @Test
    void a_ratio_of_sums_divides_the_numerators_by_the_denominators_of_the_units_that_reported_both() {
        Units u = units();
        long parent = metric(u.directorate(), "%", Direction.UP, "35");
        long n9 = metric(u.wardA(), "count", Direction.UP, "30");
        long d9 = metric(u.wardA(), "count", Direction.NEUTRAL, "100");
        long n10 = metric(u.wardB(), "count", Direction.UP, "20");
        long d10 = metric(u.wardB(), "count", Direction.NEUTRAL, "50");
        values(n9, APR, "30");
        values(d9, APR, "100");
        values(n10, APR, "10");
        values(d10, APR, "50");
        values(n9, MAY, "20");
        values(d9, MAY, "80");
        values(n10, MAY, "9");
        as("admin", () -> rollups.link(n9, parent, RollupRule.RATIO, RatioPart.NUMERATOR));
        as("admin", () -> rollups.link(d9, parent, RollupRule.RATIO, RatioPart.DENOMINATOR));
        as("admin", () -> rollups.link(n10, parent, RollupRule.RATIO, RatioPart.NUMERATOR));
        as("admin", () -> rollups.link(d10, parent, RollupRule.RATIO, RatioPart.DENOMINATOR));

        MetricRollup rollup = rollup(parent);
        assertThat(rollup.month(APR).value()).as("(30 + 10) / (100 + 50), a percentage").isEqualByComparingTo("26.67");
        assertThat(rollup.month(MAY).text()).as("Ward B has no denominator for May").isEqualTo("25 (1 of 2)");
        assertThat(rollup.commitments().sentence()).isEqualTo("Ward commitments: 33.33 of 35");
    }

    @Test
    void bad_links_are_refused_with_a_reason_and_change_nothing() {
        Units u = units();
        long ward = metric(u.wardA(), "count", Direction.DOWN, "2");
        long directorate = metric(u.directorate(), "count", Direction.DOWN, "10");
        long division = metric(u.division(), "count", Direction.DOWN, "40");
        long sibling = metric(u.wardB(), "count", Direction.DOWN, "3");
        as("admin", () -> rollups.link(ward, directorate, RollupRule.SUM, null));
        as("admin", () -> rollups.link(directorate, division, RollupRule.SUM, null));

        assertThatThrownBy(() -> as("admin", () -> rollups.link(division, ward, RollupRule.SUM, null)))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("That would go round in a circle: ");
        assertThatThrownBy(() -> as("admin", () -> rollups.link(sibling, ward, RollupRule.SUM, null)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageEndingWith("which is not above " + u.wardB().name() + ": a metric contributes only to a metric of a unit above its own.");
        assertThatThrownBy(() -> as("admin", () -> rollups.link(sibling, directorate, RollupRule.MEAN, null)))
                .isInstanceOf(RuleViolation.class).hasMessageEndingWith("adds up its contributors by sum: link with sum too, or remove those links first.");
        assertThatThrownBy(() -> as("admin", () -> rollups.link(sibling, directorate, RollupRule.RATIO, null)))
                .isInstanceOf(RuleViolation.class).hasMessageEndingWith("is the numerator or the denominator of the ratio.");
        assertThatThrownBy(() -> as("admin", () -> rollups.link(ward, division, RollupRule.SUM, null)))
                .isInstanceOf(RuleViolation.class).hasMessageEndingWith(": remove that link first.");
        assertThatThrownBy(() -> as("admin", () -> rollups.link(ward, ward, RollupRule.SUM, null)))
                .isInstanceOf(RuleViolation.class).hasMessage("A metric cannot contribute to itself.");
        assertThatThrownBy(() -> as(u.wardA().lead(), () -> rollups.link(sibling, directorate, RollupRule.SUM, null)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(rollup(directorate).contributors()).extracting(MetricRollup.Contributor::metricId).containsExactly(ward);
        assertThat(rollup(ward).contributesTo().parentMetricId()).isEqualTo(directorate);
        assertThat(as("viewer", () -> rollups.rollupOf(sibling))).isEmpty();
    }

    @Test
    void a_lead_of_either_level_may_link_and_unlink_but_a_contributor_may_not() {
        Units u = units();
        long ward = metric(u.wardC(), "count", Direction.DOWN, "1");
        long directorate = metric(u.directorate(), "count", Direction.DOWN, "4");
        metric(u.division(), "count", Direction.DOWN, "12");

        assertThatThrownBy(() -> as(u.wardC().contributor(), () -> rollups.link(ward, directorate, RollupRule.SUM, null)))
                .isInstanceOf(AccessDeniedException.class);
        as(u.wardC().lead(), () -> rollups.link(ward, directorate, RollupRule.SUM, null));
        assertThatThrownBy(() -> as(u.wardC().contributor(), () -> {
            rollups.unlink(ward);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        as(u.directorate().lead(), () -> {
            rollups.unlink(ward);
            return null;
        });
        assertThat(as("viewer", () -> rollups.rollupOf(ward))).isEmpty();
        assertThat(as("viewer", () -> rollups.candidates(ward))).extracting(MetricInfo::unitName)
                .contains(u.directorate().name(), u.division().name()).doesNotContain(u.wardC().name());
    }
}
