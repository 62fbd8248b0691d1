package app.catchball.metrics;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads of trajectories: the same CSV or Excel file as values (metric, period yyyy-mm, planned
 * value; a header row optional), read the same way ({@link MetricImportService#read}), checked row by
 * row with the trajectory rule ({@link TrajectoryService}) before anything is saved; saving takes the
 * good rows, all in one transaction, or nothing. Months the file does not name keep their trajectory.
 */
@Service
public class TrajectoryImportService {

    private final MetricsService metrics;
    private final TrajectoryService trajectories;
    private final CycleService cycles;
    private final PermissionService permissions;

    TrajectoryImportService(MetricsService metrics, TrajectoryService trajectories, CycleService cycles, PermissionService permissions) {
        this.metrics = metrics;
        this.trajectories = trajectories;
        this.cycles = cycles;
        this.permissions = permissions;
    }

    /** Reads and checks an uploaded trajectory file; no transaction is held while it arrives. */
    public ImportPreview preview(long unitId, long cycleId, String fileName, InputStream content) {
        permissions.check(Action.EDIT_PLAN, unitId);
        List<MetricImportService.RawRow> raw = MetricImportService.read(fileName, content);
        Map<String, MetricInfo> byKey = MetricImportService.byKey(metrics.metricsWithArchived(unitId, cycleId));
        CycleSummary cycle = cycles.get(cycleId);
        List<ImportPreview.Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            MetricImportService.RawRow r = raw.get(i);
            String metricText = r.cell(0);
            String periodText = r.cell(1);
            String valueText = r.cell(2);
            if (i == 0 && metricText.equalsIgnoreCase("metric") || metricText.isEmpty() && periodText.isEmpty() && valueText.isEmpty()) {
                continue;
            }
            MetricInfo metric = byKey.get(metricText.toLowerCase(Locale.ROOT));
            String error = metric == null ? "Unknown metric “" + metricText + "”: use a code such as M1 or the metric's name." : null;
            LocalDate period = null;
            BigDecimal value = null;
            try {
                period = MetricImportService.parsePeriod(periodText);
            } catch (DateTimeParseException e) {
                error = error == null ? "The period “" + periodText + "” is not a month (yyyy-mm)." : error;
            }
            try {
                value = new BigDecimal(valueText.replace(",", ""));
            } catch (NumberFormatException e) {
                error = error == null ? (valueText.isEmpty() ? "The planned value is missing."
                        : "The planned value “" + valueText + "” is not a number.") : error;
            }
            if (error == null) {
                error = TrajectoryService.refusal(metric, cycle, period, value);
            }
            if (error == null) {
                Integer first = seen.putIfAbsent(metric.id() + "@" + period, r.line());
                if (first != null) {
                    error = "Duplicate: " + metric.code() + " " + Formats.MONTH.format(period) + " is also on line " + first + ".";
                }
            }
            rows.add(new ImportPreview.Row(r.line(), metricText, periodText, valueText, metric == null ? null : metric.id(),
                    metric == null ? null : metric.label(), period, value, error));
        }
        if (rows.isEmpty()) {
            throw new RuleViolation("The file has no rows. Use three columns: metric, period, planned value.");
        }
        return new ImportPreview(unitId, cycleId, fileName, rows);
    }

    /** Saves the good rows of a preview (checked again), or nothing when any metric refuses them. */
    @Transactional
    public SaveResult saveGoodRows(ImportPreview preview) {
        permissions.check(Action.EDIT_PLAN, preview.unitId());
        Map<Long, List<TrajectoryEntry>> byMetric = new TreeMap<>();
        preview.rows().stream().filter(ImportPreview.Row::good).forEach(r -> byMetric.computeIfAbsent(r.metricId(),
                k -> new ArrayList<>()).add(new TrajectoryEntry(r.period(), r.value())));
        if (byMetric.isEmpty()) {
            throw new RuleViolation("There are no good rows to save.");
        }
        return trajectories.saveMany(byMetric);
    }
}
