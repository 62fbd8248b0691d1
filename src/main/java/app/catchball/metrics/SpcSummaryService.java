package app.catchball.metrics;

import app.catchball.security.PermissionService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SPC summary of a unit's metrics: each metric's latest value, variation, assurance, target and the
 * trajectory of the latest value's month. Everyone may read. A fixed number of statements, whatever the
 * number of metrics ({@link SpcBatchQueries}).
 */
@Service
@Transactional(readOnly = true)
public class SpcSummaryService {

    private final MetricsService metrics;
    private final SpcBatchQueries spcs;
    private final PermissionService permissions;

    SpcSummaryService(MetricsService metrics, SpcBatchQueries spcs, PermissionService permissions) {
        this.metrics = metrics;
        this.spcs = spcs;
        this.permissions = permissions;
    }

    /**
     * The SPC analysis of many metrics at once (each with its target and chart settings), by metric id;
     * ids that are not metrics are left out. Every active user may read every unit's metrics. Two
     * statements, whatever the number of metrics.
     */
    public Map<Long, MetricSpc> spcOf(Collection<Long> metricIds) {
        permissions.checkView();
        return spcs.spcOfIds(metricIds);
    }

    /** The verdict of every metric on the unit's X-matrix in the cycle, in matrix order, read with each metric's chart settings. */
    public List<SpcVerdict> summary(long unitId, long cycleId) {
        Map<Long, MetricSpc> spc = spcs.spcOf(metrics.metricsOf(unitId, cycleId));
        Map<Long, LocalDate> latest = new HashMap<>();
        spc.forEach((id, s) -> {
            if (!s.periods().isEmpty()) {
                latest.put(id, s.periods().getLast());
            }
        });
        Map<Long, BigDecimal> trajectories = spcs.trajectoriesAt(latest);
        return spc.values().stream().map(s -> SpcBatchQueries.verdict(s, trajectories.get(s.metric().id()))).toList();
    }
}
