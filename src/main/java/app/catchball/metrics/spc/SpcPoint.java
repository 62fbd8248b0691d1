package app.catchball.metrics.spc;

/** One analysed point with the limits of its segment. */
public record SpcPoint(
        int index,
        double value,
        double mean,
        double lowerLimit,
        double upperLimit,
        double lowerNearLimit,
        double upperNearLimit,
        SpecialCause specialCause,
        PointType pointType) {}
