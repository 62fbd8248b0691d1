package app.catchball.metrics;

import java.util.List;

/**
 * What a metric's page shows of its bowling chart settings: the rule, how many months of the cycle
 * have a trajectory, whether the signed-in user may change the settings (and the trajectory: while
 * the cycle is open), and, for a ratio, the other metrics of its unit and cycle (its parts among them).
 */
public record BowlingSettings(MetricInfo metric, BowlingRule rule, int plannedMonths, int months, boolean mayChange,
                              boolean mayPlan, List<MetricInfo> ratioParts) {

    /** The label of a ratio part, or "—" (the part is no longer among the unit's metrics). */
    public String partLabel(Long id) {
        return ratioParts.stream().filter(m -> id != null && m.id() == id).map(MetricInfo::label).findFirst().orElse("—");
    }
}
