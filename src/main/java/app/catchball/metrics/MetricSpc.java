package app.catchball.metrics;

import app.catchball.metrics.spc.SpcResult;
import java.time.LocalDate;
import java.util.List;

/** A stored metric's SPC analysis: the periods of its points, in order. */
public record MetricSpc(MetricInfo metric, List<LocalDate> periods, SpcResult result) {
}
