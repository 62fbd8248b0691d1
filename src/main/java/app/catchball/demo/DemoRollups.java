package app.catchball.demo;

import app.catchball.catchball.CatchballService;
import app.catchball.catchball.Move;
import app.catchball.metrics.CommitmentTerms;
import app.catchball.metrics.MetricRollupService;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.RollupRule;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueSource;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.Corner;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Proposal;
import app.catchball.security.SystemUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * One roll-up across three levels: falls with harm on the wards add up to Emergency & Acute Medicine,
 * whose falls add up to the trust's. Ward 7's metric is linked by hand; the Acute Medical Unit and
 * the Emergency Department agree their numbers through catchball (one accepted, one countered and
 * agreed), which creates their metrics with the agreed targets. The Emergency Department has not
 * reported October 2026 yet, so that month's roll-up says "2 of 3".
 */
class DemoRollups {

    private static final LocalDate YEAR_END = LocalDate.of(2027, 3, 31);
    private static final String FALLS = "Falls with harm";

    private final PlanningService planning;
    private final MetricsService metrics;
    private final MetricRollupService rollups;
    private final CatchballService catchball;
    private final Map<String, Long> units;
    private final Map<String, Long> users;
    private final long cycle;
    private final Random random = new Random(20261201);

    DemoRollups(PlanningService planning, MetricsService metrics, MetricRollupService rollups, CatchballService catchball,
                Map<String, Long> units, Map<String, Long> users, long cycle) {
        this.planning = planning;
        this.metrics = metrics;
        this.rollups = rollups;
        this.catchball = catchball;
        this.units = units;
        this.users = users;
        this.cycle = cycle;
    }

    void seed() {
        // The trust counts falls with harm across all its wards: at most 30 a month.
        ItemView trust = as("chief.exec", () -> planning.createItem(units.get("NTH"), cycle, ItemKind.METRIC,
                ItemDraft.titled(FALLS).withMetric("count", Direction.DOWN, new BigDecimal("40"), new BigDecimal("30"), YEAR_END)
                        .withAccountable(users.get("chief.exec"))));
        as("chief.exec", () -> planning.cycleCorrelation(Corner.NE, item("NTH", "Harm-free care programme").id(), trust.id()));
        as("chief.exec", () -> planning.cycleCorrelation(Corner.SE, trust.id(), item("NTH", "Eliminate avoidable harm by 2030").id()));
        // Emergency & Acute Medicine commits to at most 8 a month and adds up its wards'.
        ItemView eam = item("EAM", FALLS);
        as("acute.lead", () -> planning.updateItem(eam.id(), eam.toDraft().withMetric(eam.unitOfMeasure(), eam.direction(),
                new BigDecimal("10"), new BigDecimal("8"), eam.dueDate()), eam.version()));
        as("acute.lead", () -> rollups.link(eam.id(), trust.id(), RollupRule.SUM, null));
        as("ward7.manager", () -> rollups.link(item("W7", FALLS).id(), eam.id(), RollupRule.SUM, null));

        ItemView observation = item("EAM", "Enhanced observation for high-risk patients");
        CommitmentTerms terms = new CommitmentTerms(eam.id(), RollupRule.SUM);
        CascadeLinkView amu = as("acute.lead", () -> catchball.proposeDown(observation.id(), List.of(units.get("AMU")),
                new Proposal("Enhanced observation for high-risk patients", "3", YEAR_END, "Falls with harm across our wards "
                        + "must come down to 8 a month.", null), "Can the AMU hold falls with harm to 3 a month?", terms).getFirst());
        // Nobody leads the AMU in the demo: the Admin answers for it.
        as("admin", () -> catchball.act(amu.id(), Move.ACCEPT, null, "Yes: 3 a month with the bay nursing rota."));
        CascadeLinkView ed = as("acute.lead", () -> catchball.proposeDown(observation.id(), List.of(units.get("ED")),
                new Proposal("Enhanced observation for high-risk patients", "1", YEAR_END, null, null),
                "One fall with harm a month at most in ED?", terms).getFirst());
        as("admin", () -> catchball.act(ed.id(), Move.COUNTER, new Proposal("Enhanced observation for high-risk patients", "2",
                YEAR_END, null, "Falls sensors on four trolleys"), "Two is realistic with long waits for a bed."));
        as("acute.lead", () -> catchball.act(ed.id(), Move.AGREE, null, "Agreed: 2 a month."));

        values("NTH", 0, i -> 26 + noise(3));
        values("EAM", 0, i -> 6 + noise(1.5));
        values("AMU", 17, i -> Math.max(0, Math.round(2 + noise(1.4))));
        values("ED", 17, i -> Math.max(0, Math.round(1 + noise(1.2))));
    }

    /** Monthly values of the unit's falls metric from November 2024 + {@code from} months up to October 2026 (ED: September). */
    private void values(String unit, int from, IntToDoubleFunction value) {
        long metric = item(unit, FALLS).id();
        int last = unit.equals("ED") ? 22 : 23;
        List<ValueEntry> entries = new ArrayList<>();
        for (int i = from; i <= last; i++) {
            entries.add(new ValueEntry(LocalDate.of(2024, 11, 1).plusMonths(i),
                    BigDecimal.valueOf(value.applyAsDouble(i)).setScale(0, RoundingMode.HALF_UP)));
        }
        metrics.saveValues(metric, entries, ValueSource.MANUAL);
    }

    private ItemView item(String unit, String title) {
        return planning.matrix(units.get(unit), cycle).sides().values().stream().flatMap(List::stream)
                .filter(i -> i.title().equals(title)).findFirst().orElseThrow(() -> new IllegalStateException(title + " on " + unit));
    }

    private double noise(double spread) {
        return (random.nextDouble() * 2 - 1) * spread;
    }

    private static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }
}
