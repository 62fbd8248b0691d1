package app.catchball.metrics;

import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import app.catchball.metrics.spc.SpcResult;
import java.time.LocalDate;
import java.util.List;

/**
 * A metric as a monthly review reads it: its bowling chart cells up to the month, the SPC verdicts
 * (variation of the month's point, assurance against the target) of its values up to the month,
 * whether it asks for a countermeasure (why: {@code reasons}, empty when it does not; {@link CountermeasureRule}),
 * and its countermeasures. {@code spc} is null without values.
 */
public record MetricVerdict(MetricInfo metric, List<BowlingChart.Cell> cells, PointType variation, Assurance assurance,
                            String countermeasureReason, List<CountermeasureView> countermeasures, List<LocalDate> periods,
                            SpcResult spc, List<String> reasons) {
}
