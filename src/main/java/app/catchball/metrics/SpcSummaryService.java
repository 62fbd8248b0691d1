package app.catchball.metrics;

import app.catchball.metrics.spc.SpcResult;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The SPC summary of a unit's metrics: each metric's latest value, variation and assurance. Everyone may read. */
@Service
@Transactional(readOnly = true)
public class SpcSummaryService {

    private final MetricsService metrics;

    SpcSummaryService(MetricsService metrics) {
        this.metrics = metrics;
    }

    /** The verdict of every metric on the unit's X-matrix in the cycle, in matrix order, read with each metric's chart settings. */
    public List<SpcVerdict> summary(long unitId, long cycleId) {
        return metrics.metricsOf(unitId, cycleId).stream().map(m -> {
            MetricSpc spc = metrics.spc(m.id());
            SpcResult result = spc.result();
            if (result.points().isEmpty()) {
                return new SpcVerdict(m, null, null, null, null, false);
            }
            return new SpcVerdict(m, spc.periods().getLast(), BigDecimal.valueOf(result.points().getLast().value()),
                    result.variation(), result.assurance(), result.provisionalLimits());
        }).toList();
    }
}
