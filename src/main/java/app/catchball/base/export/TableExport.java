package app.catchball.base.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One table for export: named columns over a stream of rows, written as CSV (commons-csv) or as an
 * Excel workbook of one sheet (POI's streaming SXSSF, a hundred rows in memory at a time). Rows are
 * pulled from the stream as they are written, so a paged list is exported whole without being held
 * in memory (see {@link Pages}).
 *
 * <p>Cells are typed: numbers as numbers, {@link LocalDate} and {@link YearMonth} as dates, instants
 * as date and time (in the server's zone, as the screens show them), booleans as "Yes"/"No".
 * Every text cell goes through {@link CellText#neutralise} against formula injection. In CSV, dates
 * are ISO ({@code 2026-12-01}, {@code 2026-12-01 23:41:05}) so that Excel and Power BI read them
 * whatever their locale; in Excel they show the British way ("1 Dec 2026").
 */
public final class TableExport<R> {

    /** Excel's limit for the text of one cell. */
    static final int MAX_CELL_TEXT = 32_767;

    private static final DateTimeFormatter CSV_DAY_AND_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    /** A column: its header and how a row gives its value. */
    public record Column<R>(String header, Function<? super R, ?> value) {
    }

    private final String title;
    private final List<Column<R>> columns = new ArrayList<>();
    private Stream<? extends R> rows = Stream.empty();

    private TableExport(String title) {
        this.title = title;
    }

    /** A table titled e.g. "Projects Ward 7": the sheet's name, and (see {@link #fileName}) the file's. */
    public static <R> TableExport<R> titled(String title) {
        return new TableExport<>(title);
    }

    public TableExport<R> column(String header, Function<? super R, ?> value) {
        columns.add(new Column<>(header, value));
        return this;
    }

    /** The rows, read once, as they are written. */
    public TableExport<R> rows(Stream<? extends R> stream) {
        this.rows = stream;
        return this;
    }

    public TableExport<R> rows(List<? extends R> list) {
        return rows(list.stream());
    }

    public String title() {
        return title;
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** "projects-ward-7" and the extension: only letters, digits and dashes. */
    public String fileName(String extension) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return (slug.isEmpty() ? "export" : slug) + "." + extension;
    }

    // ---------------------------------------------------------------- CSV

    /** Writes the table as CSV in UTF-8 (without a byte order mark; see {@link #writeCsvForExcel}). */
    public void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeCsv(writer);
        writer.flush();
    }

    /** CSV with a UTF-8 byte order mark first, so that Excel reads "—" and "→" correctly when the file is opened. */
    public void writeCsvForExcel(OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        writeCsv(out);
    }

    public void writeCsv(Writer writer) throws IOException {
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(headers().stream().map(CellText::neutralise));
        try (Stream<? extends R> stream = rows) {
            stream.forEach(row -> {
                try {
                    List<String> record = new ArrayList<>(columns.size());
                    for (Column<R> column : columns) {
                        record.add(csvText(column.value().apply(row)));
                    }
                    csv.printRecord(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    static String csvText(Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal d -> d.stripTrailingZeros().toPlainString();
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Number n -> n.toString();
            case LocalDate d -> d.toString();
            case YearMonth m -> m.atDay(1).toString();
            case Instant i -> CSV_DAY_AND_TIME.format(local(i));
            case OffsetDateTime t -> CSV_DAY_AND_TIME.format(local(t.toInstant()));
            case LocalDateTime t -> CSV_DAY_AND_TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
            case Boolean b -> b ? "Yes" : "No";
            default -> CellText.neutralise(value.toString());
        };
    }

    // ---------------------------------------------------------------- Excel

    /** Writes the table as an .xlsx workbook with one sheet: a bold, frozen, filterable header row and typed cells. */
    public void writeXlsx(OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            workbook.setCompressTempFiles(true);
            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(title.length() > 31 ? title.substring(0, 31) : title));
            Styles styles = new Styles(workbook);
            Row header = sheet.createRow(0);
            int[] widths = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(CellText.neutralise(columns.get(c).header()));
                cell.setCellStyle(styles.header);
                widths[c] = columns.get(c).header().length();
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            try (Stream<? extends R> stream = rows) {
                stream.forEach(r -> {
                    Row row = sheet.createRow(next[0]++);
                    for (int c = 0; c < columns.size(); c++) {
                        int length = write(row.createCell(c), columns.get(c).value().apply(r), styles);
                        widths[c] = Math.max(widths[c], length);
                    }
                });
            }
            if (!columns.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next[0] - 1), 0, columns.size() - 1));
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(60, Math.max(8, widths[c] + 2)) * 256);
            }
            workbook.write(out);
        }
    }

    /** Writes a typed cell; answers roughly how many characters it shows, for the column's width. */
    private static int write(Cell cell, Object value, Styles styles) {
        switch (value) {
            case null -> {
                return 0;
            }
            case BigDecimal d -> {
                cell.setCellValue(d.doubleValue());
                return d.stripTrailingZeros().toPlainString().length();
            }
            case Number n -> {
                cell.setCellValue(n.doubleValue());
                return n.toString().length();
            }
            case LocalDate d -> {
                cell.setCellValue(d);
                cell.setCellStyle(styles.day);
                return 11;
            }
            case YearMonth m -> {
                cell.setCellValue(m.atDay(1));
                cell.setCellStyle(styles.month);
                return 8;
            }
            case Instant i -> {
                cell.setCellValue(local(i));
                cell.setCellStyle(styles.dayAndTime);
                return 17;
            }
            case OffsetDateTime t -> {
                cell.setCellValue(local(t.toInstant()));
                cell.setCellStyle(styles.dayAndTime);
                return 17;
            }
            case LocalDateTime t -> {
                cell.setCellValue(t);
                cell.setCellStyle(styles.dayAndTime);
                return 17;
            }
            case Boolean b -> {
                cell.setCellValue(b ? "Yes" : "No");
                return 3;
            }
            default -> {
                String text = CellText.neutralise(value.toString());
                if (text.length() > MAX_CELL_TEXT) {
                    text = text.substring(0, MAX_CELL_TEXT - 1) + "…";
                }
                cell.setCellValue(text);
                return text.length();
            }
        }
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The few cell styles of a workbook (Excel allows only so many, so they are made once). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle day;
        final CellStyle month;
        final CellStyle dayAndTime;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            var formats = workbook.createDataFormat();
            day = workbook.createCellStyle();
            day.setDataFormat(formats.getFormat("d mmm yyyy"));
            month = workbook.createCellStyle();
            month.setDataFormat(formats.getFormat("mmm yyyy"));
            dayAndTime = workbook.createCellStyle();
            dayAndTime.setDataFormat(formats.getFormat("d mmm yyyy hh:mm"));
        }
    }
}
