package app.catchball.metrics.spc;

/**
 * One analysed point with the limits of its segment.
 *
 * @param provisionalLimits whether the limits of its segment come from fewer than
 *     {@value SpcEngine#MIN_BASELINE_POINTS} points
 */
public record SpcPoint(
        int index,
        double value,
        double mean,
        double lowerLimit,
        double upperLimit,
        double lowerNearLimit,
        double upperNearLimit,
        SpecialCause specialCause,
        PointType pointType,
        boolean provisionalLimits) {}
