package app.catchball.metrics.spc;

import java.util.List;

/**
 * An analysed series.
 *
 * @param points one per value, in order
 * @param variation the point type of the last point, or null when there are no points
 * @param assurance whether the target is consistently met, or null without a target or for a neutral metric
 */
public record SpcResult(List<SpcPoint> points, PointType variation, Assurance assurance) {

    public SpcResult {
        points = List.copyOf(points);
    }
}
