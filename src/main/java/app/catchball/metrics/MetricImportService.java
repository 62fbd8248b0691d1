package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.base.export.XlsxRows;
import app.catchball.base.export.XlsxRows.SheetRow;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads of metric values from CSV (Apache Commons CSV) or Excel (base/export's {@link XlsxRows},
 * Apache POI's streaming SAX reader). Columns: metric (its code, e.g. M1, or its name), period (yyyy-mm or yyyy-mm-dd) and
 * value; a header row is optional. A file is read as it arrives, never whole into memory: it is
 * refused past {@value #MAX_BYTES} bytes or {@value #MAX_ROWS} rows, whatever the browser checked.
 * The preview marks every bad row with its reason (the same rule as the form and the API);
 * saving takes the good rows, all in one transaction, or nothing.
 */
@Service
public class MetricImportService {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;

    private final MetricsService metrics;
    private final PermissionService permissions;
    private final Clock clock;

    MetricImportService(MetricsService metrics, PermissionService permissions, Clock clock) {
        this.metrics = metrics;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** A row as read from the file, with its line (CSV record or Excel row number). */
    record RawRow(int line, String[] cells) {

        String cell(int index) {
            return index < cells.length && cells[index] != null ? cells[index].strip() : "";
        }
    }

    /** Stops reading a CSV file at the row cap. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads and checks an uploaded file. No transaction is held while the file arrives; the
     * metrics are looked up once it has been read.
     */
    public ImportPreview preview(long unitId, long cycleId, String fileName, InputStream content) {
        permissions.check(Action.ENTER_METRIC_VALUES, unitId);
        List<RawRow> raw = read(fileName, content);
        Map<String, MetricInfo> byKey = byKey(metrics.metricsWithArchived(unitId, cycleId));
        LocalDate today = LocalDate.now(clock);
        List<ImportPreview.Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            RawRow r = raw.get(i);
            String metricText = r.cell(0);
            String periodText = r.cell(1);
            String valueText = r.cell(2);
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
            } catch (DateTimeParseException e) {
                error = error == null ? "The period “" + periodText + "” is not a month (yyyy-mm) or a date (yyyy-mm-dd)." : error;
            }
            try {
                value = new BigDecimal(valueText.replace(",", ""));
            } catch (NumberFormatException e) {
                error = error == null ? (valueText.isEmpty() ? "The value is missing." : "The value “" + valueText + "” is not a number.") : error;
            }
            if (error == null) {
                error = ValueRules.refusal(metric, new ValueEntry(period, value), today);
            }
            if (error == null) {
                String key = metric.id() + "@" + period;
                Integer first = seen.putIfAbsent(key, r.line());
                if (first != null) {
                    error = "Duplicate: " + metric.code() + " " + ValueRules.periodText(period, metric.frequency())
                            + " is also on line " + first + ".";
                }
            }
            rows.add(new ImportPreview.Row(r.line(), metricText, periodText, valueText, metric == null ? null : metric.id(),
                    metric == null ? null : metric.label(), period, value, error));
        }
        if (rows.isEmpty()) {
            throw new RuleViolation("The file has no rows. Use three columns: metric, period, value.");
        }
        return new ImportPreview(unitId, cycleId, fileName, rows);
    }

    /**
     * The rows of an uploaded CSV or Excel file (the first three columns), read as they arrive and
     * refused past {@value #MAX_BYTES} bytes or {@value #MAX_ROWS} rows; the same reading serves values
     * and trajectories ({@link TrajectoryImportService}).
     */
    static List<RawRow> read(String fileName, InputStream content) {
        boolean excel = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        InputStream bounded = bounded(content);
        List<RawRow> raw;
        try {
            raw = excel ? excel(bounded) : csv(bounded);
        } catch (RuleViolation e) {
            throw e;
        } catch (TooManyRows | XlsxRows.TooManyRows e) {
            throw tooManyRows();
        } catch (IOException | RuntimeException e) {
            throw new RuleViolation("The file could not be read as " + (excel ? "an Excel workbook" : "CSV")
                    + ". Use three columns: metric, period, value.");
        }
        if (raw.size() > MAX_ROWS + 1) {
            throw tooManyRows();
        }
        return raw;
    }

    /** The metrics by code ("m1") and by name, the unarchived winning over an archived one of the same name. */
    static Map<String, MetricInfo> byKey(List<MetricInfo> metricsWithArchived) {
        Map<String, MetricInfo> byKey = new HashMap<>();
        for (MetricInfo m : metricsWithArchived.reversed()) {
            byKey.put(m.code().toLowerCase(Locale.ROOT), m);
            byKey.put(m.title().strip().toLowerCase(Locale.ROOT), m);
        }
        return byKey;
    }

    /** Saves the good rows of a preview (checked again), or nothing when any metric refuses them. */
    @Transactional
    public SaveResult saveGoodRows(ImportPreview preview) {
        permissions.check(Action.ENTER_METRIC_VALUES, preview.unitId());
        Map<Long, List<ValueEntry>> byMetric = new TreeMap<>();
        preview.rows().stream().filter(ImportPreview.Row::good)
                .forEach(r -> byMetric.computeIfAbsent(r.metricId(), k -> new ArrayList<>()).add(new ValueEntry(r.period(), r.value())));
        if (byMetric.isEmpty()) {
            throw new RuleViolation("There are no good rows to save.");
        }
        return metrics.saveMany(byMetric, ValueSource.UPLOAD);
    }

    static LocalDate parsePeriod(String text) {
        if (text.matches("\\d{4}-\\d{2}")) {
            return YearMonth.parse(text).atDay(1);
        }
        return LocalDate.parse(text);
    }

    /** The upload as it arrives, refused as soon as it passes {@value #MAX_BYTES} bytes. */
    private static InputStream bounded(InputStream content) {
        try {
            return BoundedInputStream.builder().setInputStream(content).setMaxCount(MAX_BYTES + 1L)
                    .setOnMaxCount((max, count) -> {
                        throw new RuleViolation("The file is larger than " + MAX_BYTES / (1024 * 1024)
                                + " MB. Split it into smaller files (at most " + String.format(Locale.UK, "%,d", MAX_ROWS)
                                + " rows each).");
                    }).get();
        } catch (IOException e) {
            throw new RuleViolation("The file could not be read.");
        }
    }

    private static RuleViolation tooManyRows() {
        return new RuleViolation("A file may hold at most " + String.format(Locale.UK, "%,d", MAX_ROWS)
                + " rows. Split it into smaller files.");
    }

    private static List<RawRow> csv(InputStream content) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
                String[] row = new String[Math.min(record.size(), 3)];
                for (int i = 0; i < row.length; i++) {
                    row[i] = record.get(i).replace("\uFEFF", "");
                }
                rows.add(new RawRow((int) record.getRecordNumber(), row));
                if (rows.size() > MAX_ROWS + 1) {
                    throw new TooManyRows();
                }
            }
        }
        return rows;
    }

    /** The first three cells of each row of the first sheet (base/export's streaming reader), stopped at the row cap. */
    private static List<RawRow> excel(InputStream content) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        for (SheetRow row : XlsxRows.read(content, null, MAX_ROWS + 1, 3)) {
            String[] cells = new String[3];
            for (int i = 0; i < Math.min(3, row.cells().size()); i++) {
                cells[i] = row.cells().get(i);
            }
            rows.add(new RawRow(row.line(), cells));
        }
        return rows;
    }
}
