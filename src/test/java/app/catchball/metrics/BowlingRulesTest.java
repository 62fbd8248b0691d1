package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The bowling chart read by each metric's rule, through the real services and database: months and
 * year to date by sum, mean, latest and ratio, against trajectories or the target, green, amber, red
 * and grey, and the refusals that change nothing. Probe metrics sit on a ward of the class's own.
 */
@SpringTest
class BowlingRulesTest {

    @Autowired
    Fixtures fixtures;

    /** The class's own ward, made once: its probe metrics stay out of the demo wards. */
    private Fixtures.Ward ownWard() {
        return fixtures.wardOf(getClass(), "Bowling rules ward");
    }

    @Autowired
    MetricsService metrics;

    @Autowired
    BowlingRuleService rules;

    @Autowired
    TrajectoryService trajectories;

    @Autowired
    PlanningService planning;

    @Autowired
    PlanFixture fixture;

    private final List<Long> probes = new ArrayList<>();

    @AfterEach
    void archiveProbes() {
        for (long id : probes) {
            SystemUser.runAs("admin", () -> planning.archiveItem(id, planning.item(id).version()));
        }
    }

    private static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }

    private long probe(String title, String measure, Direction direction, String target) {
        long id = as("admin", () -> planning.createItem(ownWard().id(), fixture.cycle(), ItemKind.METRIC,
                ItemDraft.titled(title).withMetric(measure, direction, null, target == null ? null : new BigDecimal(target), null))).id();
        probes.add(id);
        return id;
    }

    private void values(long metric, Object... periodsAndValues) {
        List<ValueEntry> entries = new ArrayList<>();
        for (int i = 0; i < periodsAndValues.length; i += 2) {
            entries.add(new ValueEntry(LocalDate.parse((String) periodsAndValues[i]), new BigDecimal(periodsAndValues[i + 1].toString())));
        }
        as("admin", () -> metrics.saveValues(metric, entries, ValueSource.MANUAL));
    }

    private void trajectory(long metric, Object... periodsAndTargets) {
        List<TrajectoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < periodsAndTargets.length; i += 2) {
            entries.add(new TrajectoryEntry(LocalDate.parse((String) periodsAndTargets[i]), new BigDecimal(periodsAndTargets[i + 1].toString())));
        }
        as("admin", () -> trajectories.replace(metric, entries));
    }

    private BowlingChart.Row row(long metric) {
        return as("viewer", () -> metrics.bowling(ownWard().id(), fixture.cycle())).rows().stream()
                .filter(r -> r.metric().id() == metric).findFirst().orElseThrow();
    }

    private static String colours(BowlingChart.Row row, int months) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < months; i++) {
            s.append(row.cells().get(i).rag() == Rag.GREY ? "-" : row.cells().get(i).rag().letter());
        }
        return s.toString();
    }

    @Test
    void a_count_totals_its_months_and_compares_the_total_with_the_trajectorys_total_and_its_band() {
        long falls = probe("Probe falls", "count", Direction.DOWN, "3");
        as("admin", () -> rules.changeRule(falls, new BowlingRule(Aggregation.SUM, BigDecimal.ONE, false, null, null)));
        trajectory(falls, "2026-04-01", 2, "2026-05-01", 2);   // June has none: the target, 3
        values(falls, "2026-04-01", 2, "2026-05-01", 3, "2026-06-01", 5);

        BowlingChart.Row row = row(falls);

        assertThat(row.cells().subList(0, 3)).extracting(BowlingChart.Cell::target)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal(2), new BigDecimal(2), new BigDecimal(3));
        assertThat(colours(row, 4)).isEqualTo("GAR-"); // on plan; one over (within 1); two over; no data
        assertThat(row.yearToDate().actual()).isEqualByComparingTo("10"); // a total, not a mean of 3.33
        assertThat(row.yearToDate().target()).isEqualByComparingTo("7");  // 2 + 2 + 3
        assertThat(row.yearToDate().rag()).isEqualTo(Rag.AMBER);         // 3 over, the band is 1 a month × 3
        assertThat(row.rule().aggregation()).isEqualTo(Aggregation.SUM);
    }

    @Test
    void a_mean_with_a_percentage_band_and_lower_is_better_and_the_latest_for_a_snapshot() {
        long discharges = probe("Probe discharges", "%", Direction.UP, "50");
        as("admin", () -> rules.changeRule(discharges, new BowlingRule(Aggregation.MEAN, BigDecimal.TEN, true, null, null)));
        values(discharges, "2026-04-01", 45, "2026-05-01", 44, "2026-06-01", 60);
        long vacancies = probe("Probe vacancy rate", "%", Direction.DOWN, "6");
        as("admin", () -> rules.changeRule(vacancies, new BowlingRule(Aggregation.LATEST, new BigDecimal("0.5"), false, null, null)));
        trajectory(vacancies, "2026-06-01", "5.5");
        values(vacancies, "2026-04-01", "6.4", "2026-05-01", "7", "2026-06-01", "5.9");

        BowlingChart.Row mean = row(discharges);
        assertThat(colours(mean, 3)).isEqualTo("ARG");            // 45 within 10 % of 50; 44 is not; 60 passes
        assertThat(mean.yearToDate().actual()).isEqualByComparingTo("49.67");
        assertThat(mean.yearToDate().rag()).isEqualTo(Rag.AMBER);

        BowlingChart.Row latest = row(vacancies);
        assertThat(colours(latest, 3)).isEqualTo("ARA");          // lower is better: 6.4 within 0.5 of 6; 7 not; 5.9 within 0.5 of 5.5
        assertThat(latest.yearToDate().actual()).isEqualByComparingTo("5.9"); // the latest month, not the mean
        assertThat(latest.yearToDate().target()).isEqualByComparingTo("5.5");
        assertThat(latest.yearToDate().rag()).isEqualTo(Rag.AMBER);
    }

    @Test
    void a_ratio_divides_the_sums_of_its_numerator_and_denominator_and_a_zero_denominator_is_no_data() {
        long beforeNoon = probe("Probe discharges before noon (number)", "count", Direction.UP, null);
        long all = probe("Probe discharges (number)", "count", Direction.UP, null);
        long ratio = probe("Probe discharges before noon", "%", Direction.UP, "40");
        as("admin", () -> rules.changeRule(ratio, new BowlingRule(Aggregation.RATIO, null, false, beforeNoon, all)));
        trajectory(ratio, "2026-04-01", 20, "2026-05-01", 50);
        values(beforeNoon, "2026-04-01", 10, "2026-05-01", 30, "2026-06-01", 0, "2026-07-01", 5);
        values(all, "2026-04-01", 40, "2026-05-01", 50, "2026-06-01", 0);

        BowlingChart.Row row = row(ratio);

        assertThat(row.cells().subList(0, 2)).extracting(BowlingChart.Cell::actual)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal(25), new BigDecimal(60));
        assertThat(colours(row, 4)).isEqualTo("GG--");             // June: 0 ÷ 0; July: no denominator
        assertThat(row.yearToDate().actual()).isEqualByComparingTo("44.44"); // 100 × 40 ÷ 90, not the mean of 25 and 60
        assertThat(row.yearToDate().target()).isEqualByComparingTo("36.67"); // (20 × 40 + 50 × 50) ÷ 90
        assertThat(row.yearToDate().rag()).isEqualTo(Rag.GREEN);
    }

    @Test
    void a_weekly_count_adds_its_weeks_into_months_and_a_metric_without_data_is_grey() {
        long weekly = probe("Probe weekly count", "count", Direction.DOWN, "5");
        as("admin", () -> metrics.changeFrequency(weekly, Frequency.WEEKLY));
        as("admin", () -> rules.changeRule(weekly, new BowlingRule(Aggregation.SUM, null, false, null, null)));
        values(weekly, "2026-04-06", 2, "2026-04-13", 3, "2026-04-20", 1);
        long empty = probe("Probe empty", "count", Direction.DOWN, "5");

        assertThat(row(weekly).cells().getFirst().actual()).isEqualByComparingTo("6");
        assertThat(row(weekly).cells().getFirst().rag()).isEqualTo(Rag.RED);
        BowlingChart.Row none = row(empty);
        assertThat(colours(none, 12)).isEqualTo("------------");
        assertThat(none.yearToDate().rag()).isEqualTo(Rag.GREY);
        assertThat(none.yearToDate().actual()).isNull();
    }

    @Test
    void rules_that_make_no_sense_are_refused_with_a_reason_and_change_nothing() {
        long a = probe("Probe A", "count", Direction.UP, "1");
        long b = probe("Probe B", "count", Direction.UP, "1");
        long ratio = probe("Probe ratio", "%", Direction.UP, "1");
        BowlingRule before = as("viewer", () -> rules.rule(ratio));

        assertThatThrownBy(() -> as("admin", () -> rules.changeRule(ratio, new BowlingRule(Aggregation.RATIO, null, false, a, null))))
                .hasMessageStartingWith("A ratio needs a numerator and a denominator");
        assertThatThrownBy(() -> as("admin", () -> rules.changeRule(ratio, new BowlingRule(Aggregation.RATIO, null, false, a, a))))
                .hasMessage("The numerator and the denominator must be different metrics.");
        long elsewhere = as("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).getFirst().id();
        assertThatThrownBy(() -> as("admin", () -> rules.changeRule(ratio, new BowlingRule(Aggregation.RATIO, null, false, a, elsewhere))))
                .hasMessageContaining("other metrics of");
        assertThatThrownBy(() -> as("admin", () -> rules.changeRule(ratio, new BowlingRule(Aggregation.MEAN, new BigDecimal("-1"), false, null, null))))
                .hasMessage("The amber tolerance cannot be negative.");
        assertThatThrownBy(() -> as("admin", () -> rules.changeRule(ratio, new BowlingRule(Aggregation.MEAN, new BigDecimal("101"), true, null, null))))
                .hasMessage("The amber tolerance is a percentage of the target: at most 100 %.");
        assertThatThrownBy(() -> as("ward7.manager", () -> rules.changeRule(ratio, BowlingRule.DEFAULT)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("viewer", () -> rules.rule(ratio))).isEqualTo(before);

        as("admin", () -> rules.changeRule(ratio, new BowlingRule(Aggregation.RATIO, null, false, a, b)));
        assertThatThrownBy(() -> as("admin", () -> rules.changeRule(a, new BowlingRule(Aggregation.RATIO, null, false, b, ratio))))
                .hasMessageContaining("cannot be a ratio itself");
    }

    @Test
    void a_bad_trajectory_is_refused_entry_by_entry_and_changes_nothing() {
        long metric = probe("Probe planned", "count", Direction.DOWN, "3");
        trajectory(metric, "2026-04-01", 2);

        assertThatThrownBy(() -> trajectory(metric, "2026-05-15", 2, "2027-04-01", 1, "2026-06-01", 1, "2026-06-01", 2))
                .isInstanceOfSatisfying(ValuesRefused.class, e -> assertThat(e.refusals()).extracting(ValuesRefused.Refusal::message)
                        .containsExactly("15 May 2026 is not the first day of a month: a trajectory plans a month (1 May 2026).",
                                "Apr 2027 is outside the cycle 2026/27 (Apr 2026 to Mar 2027).",
                                "Jun 2026 appears twice."));
        assertThatThrownBy(() -> trajectory(metric, "2026-05-01", "1e13")).hasMessage(ValueRules.VALUE_TOO_LARGE);
        assertThatThrownBy(() -> as("ward7.nurse", () -> trajectories.replace(metric, List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("viewer", () -> trajectories.trajectory(metric)).entries())
                .singleElement().satisfies(e -> assertThat(e.target()).isEqualByComparingTo("2"));

        trajectory(metric);   // an empty list removes the trajectory: the months are judged against the target again
        assertThat(as("viewer", () -> trajectories.trajectory(metric)).entries()).isEmpty();
    }
}
