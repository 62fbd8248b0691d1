package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.RuleViolation;
import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Countermeasures are asked for the Making Data Count way, alike on the bowling chart (and so the
 * owner's "asked of me" list) and in the review's exceptions: special-cause concern or failing
 * assurance; common-cause, hit-and-miss variation asks for none however red; "Red N periods running"
 * only where the trust's Admin switched it on.
 */
@SpringTest
// Each test runs in a transaction that is rolled back: it changes demo units that other classes read.
@Transactional
class CountermeasureRuleTest {

    private static final String UNIT = "W24";
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    MetricsService metrics;

    @Autowired
    MetricVerdictService verdicts;

    @Autowired
    CountermeasureRuleService rules;

    @Autowired
    PlanningService planning;

    @Autowired
    PlanFixture fixture;

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void tidy() {
        SystemUser.runAs("admin", () -> {
            rules.change(fixture.unit(UNIT), false, CountermeasureRule.MIN_PERIODS);
            created.forEach(id -> planning.archiveItem(id, planning.item(id).version()));
            return null;
        });
    }

    /** A metric (up is better, target 50) with 15 monthly values from Aug 2025 to Oct 2026. */
    private long metric(String title, double... values) {
        long id = SystemUser.runAs("admin", () -> planning.createItem(fixture.unit(UNIT), fixture.cycle(), ItemKind.METRIC,
                ItemDraft.titled(title).withMetric("%", Direction.UP, null, new BigDecimal("50"), null))).id();
        created.add(id);
        List<ValueEntry> entries = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            entries.add(new ValueEntry(LocalDate.of(2025, 8, 1).plusMonths(i), BigDecimal.valueOf(values[i])));
        }
        SystemUser.runAs("admin", () -> metrics.saveValues(id, entries, ValueSource.MANUAL));
        return id;
    }

    private BowlingChart.Row row(long id) {
        return SystemUser.runAs("viewer", () -> metrics.bowling(fixture.unit(UNIT), fixture.cycle())).rows().stream()
                .filter(r -> r.metric().id() == id).findFirst().orElseThrow();
    }

    private MetricVerdict verdict(long id) {
        return SystemUser.runAs("viewer", () -> verdicts.verdicts(fixture.unit(UNIT), fixture.cycle(), OCTOBER)).stream()
                .filter(v -> v.metric().id() == id).findFirst().orElseThrow();
    }

    private long hitAndMiss() {
        // Around the target, the last two months (Sep and Oct 2026) red.
        return metric("Hit and miss probe", 52, 48, 51, 47, 53, 49, 50, 46, 52, 48, 51, 49, 53, 47, 48);
    }

    @Test
    void common_cause_hit_and_miss_asks_for_no_countermeasure_however_red() {
        long id = hitAndMiss();

        BowlingChart.Row row = row(id);
        assertThat(row.spc().variation()).isEqualTo(PointType.COMMON_CAUSE);
        assertThat(row.spc().assurance()).isEqualTo(Assurance.INCONSISTENT);
        assertThat(row.cells().stream().filter(c -> c.month().equals(OCTOBER) || c.month().equals(OCTOBER.minusMonths(1))))
                .extracting(BowlingChart.Cell::rag).containsOnly(Rag.RED);
        assertThat(row.countermeasureReason()).isNull();
        assertThat(verdict(id).reasons()).as("the review's exceptions follow the same rule").isEmpty();
    }

    @Test
    void special_cause_concern_asks_for_a_countermeasure() {
        long id = metric("Concern probe", 55, 56, 55, 54, 56, 55, 54, 56, 55, 55, 54, 56, 55, 54, 40);

        assertThat(row(id).spc().variation()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
        assertThat(row(id).countermeasureReason()).isEqualTo("Special-cause concern");
        assertThat(verdict(id).reasons()).containsExactly("Special-cause concern");
    }

    @Test
    void assurance_that_consistently_fails_the_target_asks_for_a_countermeasure() {
        long id = metric("Fails probe", 40, 41, 40, 39, 41, 40, 39, 41, 40, 40, 39, 41, 40, 39, 40);

        assertThat(row(id).spc().variation()).isEqualTo(PointType.COMMON_CAUSE);
        assertThat(row(id).countermeasureReason()).isEqualTo("Consistently fails the target");
        assertThat(verdict(id).reasons()).containsExactly("Consistently fails the target");
    }

    @Test
    void red_n_periods_running_asks_only_where_the_trusts_admin_switched_it_on() {
        long id = hitAndMiss();
        long unit = fixture.unit(UNIT);
        assertThat(SystemUser.runAs("viewer", () -> rules.rule(unit)).rule()).isEqualTo(CountermeasureRule.DEFAULT);

        SystemUser.runAs("admin", () -> rules.change(unit, true, 2));
        assertThat(row(id).countermeasureReason()).isEqualTo("Red 2 periods running");
        assertThat(verdict(id).reasons()).containsExactly("Red 2 periods running");
        assertThat(verdict(id).countermeasureReason()).isEqualTo("Red 2 periods running");

        SystemUser.runAs("admin", () -> rules.change(unit, true, 3));   // Aug 2026 was green
        assertThat(row(id).countermeasureReason()).isNull();

        SystemUser.runAs("admin", () -> rules.change(unit, false, 2));
        assertThat(row(id).countermeasureReason()).isNull();
    }

    @Test
    void only_an_admin_changes_the_rule_and_n_stays_between_2_and_12() {
        long unit = fixture.unit(UNIT);
        assertThatThrownBy(() -> SystemUser.runAs("coach", () -> rules.change(unit, true, 2)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemUser.runAs("admin", () -> rules.change(unit, true, 1)))
                .isInstanceOf(RuleViolation.class).hasMessage("Red periods running can be 2 to 12.");
        assertThat(SystemUser.runAs("viewer", () -> rules.rule(unit)).rule()).isEqualTo(CountermeasureRule.DEFAULT);
    }
}
