package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads of metric values from CSV (Apache Commons CSV) or Excel (Apache POI). Columns: metric
 * (its code, e.g. M1, or its name), period (yyyy-mm or yyyy-mm-dd) and value; a header row is
 * optional. The preview marks every bad row with its reason; saving takes the good rows, all in
 * one transaction, or nothing.
 */
@Service
@Transactional
public class MetricImportService {

    static final int MAX_ROWS = 10_000;

    private final MetricsService metrics;
    private final PermissionService permissions;

    MetricImportService(MetricsService metrics, PermissionService permissions) {
        this.metrics = metrics;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public ImportPreview preview(long unitId, long cycleId, String fileName, InputStream content) {
        permissions.check(Action.ENTER_METRIC_VALUES, unitId);
        List<String[]> raw;
        try {
            raw = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? excel(content) : csv(content);
        } catch (IOException | RuntimeException e) {
            throw new RuleViolation("The file could not be read as " + (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                    ? "an Excel workbook" : "CSV") + ". Use three columns: metric, period, value.");
        }
        if (raw.size() > MAX_ROWS + 1) {
            throw new RuleViolation("A file may hold at most " + MAX_ROWS + " rows.");
        }
        Map<String, MetricInfo> byKey = new HashMap<>();
        for (MetricInfo m : metrics.metricsOf(unitId, cycleId)) {
            byKey.put(m.code().toLowerCase(Locale.ROOT), m);
            byKey.put(m.title().strip().toLowerCase(Locale.ROOT), m);
        }
        List<ImportPreview.Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String[] r = raw.get(i);
            int line = i + 1;
            String metricText = r.length > 0 ? r[0].strip() : "";
            String periodText = r.length > 1 ? r[1].strip() : "";
            String valueText = r.length > 2 ? r[2].strip() : "";
            if (i == 0 && metricText.equalsIgnoreCase("metric")) {
                continue;
            }
            if (metricText.isEmpty() && periodText.isEmpty() && valueText.isEmpty()) {
                continue;
            }
            MetricInfo metric = byKey.get(metricText.toLowerCase(Locale.ROOT));
            String error = null;
            LocalDate period = null;
            BigDecimal value = null;
            if (metric == null) {
                error = "Unknown metric “" + metricText + "”: use a code such as M1 or the metric's name.";
            }
            try {
                period = parsePeriod(periodText);
                if (metric != null) {
                    period = MetricsService.normalise(period, metric.frequency());
                }
            } catch (DateTimeParseException e) {
                error = error == null ? "The period “" + periodText + "” is not a month (yyyy-mm) or a date (yyyy-mm-dd)." : error;
            }
            try {
                value = new BigDecimal(valueText.replace(",", ""));
                MetricsService.validate(value);
            } catch (NumberFormatException e) {
                error = error == null ? (valueText.isEmpty() ? "The value is missing." : "The value “" + valueText + "” is not a number.") : error;
                value = null;
            } catch (RuleViolation e) {
                error = error == null ? e.getMessage() : error;
            }
            if (error == null) {
                String key = metric.id() + "@" + period;
                Integer first = seen.putIfAbsent(key, line);
                if (first != null) {
                    error = "Duplicate: " + metric.code() + " " + MetricsService.periodText(period, metric.frequency())
                            + " is also on line " + first + ".";
                }
            }
            rows.add(new ImportPreview.Row(line, metricText, periodText, valueText, metric == null ? null : metric.id(),
                    metric == null ? null : metric.label(), period, value, error));
        }
        if (rows.isEmpty()) {
            throw new RuleViolation("The file has no rows. Use three columns: metric, period, value.");
        }
        return new ImportPreview(unitId, cycleId, fileName, rows);
    }

    /** Saves the good rows of a preview (checked again), or nothing when any metric refuses them. */
    public SaveResult saveGoodRows(ImportPreview preview) {
        permissions.check(Action.ENTER_METRIC_VALUES, preview.unitId());
        Map<Long, List<ValueEntry>> byMetric = new LinkedHashMap<>();
        preview.rows().stream().filter(ImportPreview.Row::good)
                .forEach(r -> byMetric.computeIfAbsent(r.metricId(), k -> new ArrayList<>()).add(new ValueEntry(r.period(), r.value())));
        if (byMetric.isEmpty()) {
            throw new RuleViolation("There are no good rows to save.");
        }
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (var e : byMetric.entrySet()) {
            SaveResult r = metrics.saveValues(e.getKey(), e.getValue(), ValueSource.UPLOAD);
            created += r.created();
            changed += r.changed();
            unchanged += r.unchanged();
        }
        return new SaveResult(created, changed, unchanged);
    }

    static LocalDate parsePeriod(String text) {
        if (text.matches("\\d{4}-\\d{2}")) {
            return YearMonth.parse(text).atDay(1);
        }
        return LocalDate.parse(text);
    }

    private static List<String[]> csv(InputStream content) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
                String[] row = new String[record.size()];
                for (int i = 0; i < record.size(); i++) {
                    row[i] = record.get(i).replace("\uFEFF", "");
                }
                rows.add(row);
                if (rows.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        }
        return rows;
    }

    private static List<String[]> excel(InputStream content) throws IOException {
        List<String[]> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.UK);
        try (Workbook workbook = WorkbookFactory.create(content)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (var row : sheet) {
                String[] values = new String[3];
                for (int c = 0; c < 3; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        values[c] = "";
                    } else if (c == 1 && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        values[c] = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                    } else if (c == 2 && cell.getCellType() == CellType.NUMERIC) {
                        values[c] = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                    } else {
                        values[c] = formatter.formatCellValue(cell);
                    }
                }
                rows.add(values);
                if (rows.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        }
        return rows;
    }
}
