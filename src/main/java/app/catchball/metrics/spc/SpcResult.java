package app.catchball.metrics.spc;

import java.util.List;

/**
 * An analysed series.
 *
 * @param points one per value, in order
 * @param variation the point type of the last point, or null when there are no points
 * @param assurance whether the target is consistently met, or null without a target or for a neutral metric
 * @param provisionalLimits whether some segment's limits come from fewer than {@value SpcEngine#MIN_BASELINE_POINTS}
 *     points
 */
public record SpcResult(List<SpcPoint> points, PointType variation, Assurance assurance, boolean provisionalLimits) {

    /** What the chart, the metric page and the API say when {@link #provisionalLimits()}. */
    public static final String PROVISIONAL_LIMITS = "Limits are provisional: fewer than 12 points";

    public SpcResult {
        points = List.copyOf(points);
    }

    /** {@link #PROVISIONAL_LIMITS} when the limits are provisional, otherwise null. */
    public String limitsWarning() {
        return provisionalLimits ? PROVISIONAL_LIMITS : null;
    }
}
