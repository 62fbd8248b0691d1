package app.catchball.demo;

import app.catchball.metrics.Aggregation;
import app.catchball.metrics.BowlingRule;
import app.catchball.metrics.BowlingRuleService;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.TrajectoryEntry;
import app.catchball.metrics.TrajectoryService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Trajectories and bowling chart rules for the demo's current cycle (2026/27, April to March), so
 * that Ward 7's chart shows months judged against a plan that rises through the year, a few ambers
 * (a miss within the tolerance), and "Falls with harm (count)" with a year to date that is a total.
 */
@Component
@DemoMode
class DemoTrajectories {

    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    private final MetricsService metrics;
    private final TrajectoryService trajectories;
    private final BowlingRuleService rules;

    DemoTrajectories(MetricsService metrics, TrajectoryService trajectories, BowlingRuleService rules) {
        this.metrics = metrics;
        this.trajectories = trajectories;
        this.rules = rules;
    }

    void seed(Map<String, Long> units, long cycle) {
        // Falls are counted: the year to date is the total against the trajectory's total; one fall over plan is amber.
        plan(units, cycle, "W7", "Falls with harm", new BowlingRule(Aggregation.SUM, BigDecimal.ONE, false, null, null),
                2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1);
        // Discharges before noon climb towards the 50 % target; within 10 % of the month's plan is amber.
        plan(units, cycle, "W7", "Discharges before noon", new BowlingRule(Aggregation.MEAN, BigDecimal.TEN, true, null, null),
                30, 31, 32, 33, 34, 35, 36, 38, 40, 43, 46, 50);
        plan(units, cycle, "W7", "Patients who would recommend the ward",
                new BowlingRule(Aggregation.MEAN, new BigDecimal("3"), false, null, null),
                84, 84, 84, 85, 85, 85, 86, 86, 86, 87, 87, 87);
        plan(units, cycle, "EAM", "Average length of stay", new BowlingRule(Aggregation.MEAN, new BigDecimal("0.3"), false, null, null),
                7.6, 7.5, 7.4, 7.3, 7.2, 7.0, 6.9, 6.8, 6.6, 6.4, 6.2, 6);
        // A vacancy rate is a snapshot: the year to date is the latest month.
        plan(units, cycle, "NTH", "Registered nurse vacancy rate", new BowlingRule(Aggregation.LATEST, new BigDecimal("5"), true, null, null),
                8, 8, 7.8, 7.6, 7.4, 7.2, 7, 6.8, 6.6, 6.4, 6.2, 6);
    }

    private void plan(Map<String, Long> units, long cycle, String unit, String title, BowlingRule rule, double... months) {
        MetricInfo metric = metrics.metricsOf(units.get(unit), cycle).stream().filter(m -> m.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No metric " + title + " on " + unit));
        rules.changeRule(metric.id(), rule);
        List<TrajectoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < months.length; i++) {
            entries.add(new TrajectoryEntry(APRIL.plusMonths(i), BigDecimal.valueOf(months[i])));
        }
        trajectories.replace(metric.id(), entries);
    }
}
