package app.catchball.base.export;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * One sheet of an uploaded .xlsx, read row by row with POI's SAX event API (XSSFReader +
 * XSSFSheetXMLHandler) from a temporary copy, never built as a workbook in memory: the reading
 * stops past {@code maxRows} rows, cells beyond {@code maxColumns} are ignored, and a workbook whose
 * shared parts are implausibly large is refused. Dates come back as yyyy-mm-dd, numbers in full.
 */
public final class XlsxRows {

    /** Shared strings and styles of a workbook within the upload caps fit well within this. */
    private static final long MAX_PART_BYTES = 16L * 1024 * 1024;

    /** A row with its number as Excel shows it (1 = the first row); cells by column, null when empty. */
    public record SheetRow(int line, List<String> cells) {

        public String cell(int column) {
            return column >= 0 && column < cells.size() && cells.get(column) != null ? cells.get(column).strip() : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** Thrown when a sheet has more rows than allowed. */
    public static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private XlsxRows() {
    }

    /**
     * The rows of the sheet called {@code sheetName} (any case), or of the first sheet when there is
     * none by that name (or the name is null). The stream is copied to a temporary file first and not closed here.
     */
    public static List<SheetRow> read(InputStream content, String sheetName, int maxRows, int maxColumns) throws IOException {
        Path copy = Files.createTempFile("catchball-upload-", ".xlsx");
        try {
            Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
                for (PackagePart part : workbook.getParts()) {
                    if (!part.getPartName().getName().startsWith("/xl/worksheets/") && part.getSize() > MAX_PART_BYTES) {
                        throw new IOException("Part too large: " + part.getPartName());
                    }
                }
                XSSFReader reader = new XSSFReader(workbook);
                SharedStrings strings = new ReusedStrings(new ReadOnlySharedStringsTable(workbook, false));
                int wanted = sheetIndex(reader, sheetName);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                for (int i = 0; sheets.hasNext(); i++) {
                    try (InputStream sheet = sheets.next()) {
                        if (i != wanted) {
                            continue;
                        }
                        List<SheetRow> rows = new ArrayList<>();
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                                new Rows(rows, maxRows, maxColumns), new PlainFormatter(), false));
                        parser.parse(new InputSource(sheet));
                        return rows;
                    }
                }
                throw new IOException("No sheet");
            } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
                throw new IOException(e);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static int sheetIndex(XSSFReader reader, String name) throws IOException, OpenXML4JException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        for (int i = 0; sheets.hasNext(); i++) {
            try (InputStream ignored = sheets.next()) {
                if (sheets.getSheetName().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** The workbook's shared strings, each made into a rich-text object once (POI makes a new one per cell otherwise). */
    private record ReusedStrings(SharedStrings strings, Map<Integer, RichTextString> made) implements SharedStrings {

        ReusedStrings(SharedStrings strings) {
            this(strings, new HashMap<>());
        }

        @Override
        public RichTextString getItemAt(int index) {
            return made.computeIfAbsent(index, strings::getItemAt);
        }

        @Override
        public int getCount() {
            return strings.getCount();
        }

        @Override
        public int getUniqueCount() {
            return strings.getUniqueCount();
        }
    }

    /** Collects the cells of each row, and stops at the row cap. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<SheetRow> rows;
        private final int maxRows;
        private final int maxColumns;
        private List<String> current;

        Rows(List<SheetRow> rows, int maxRows, int maxColumns) {
            this.rows = rows;
            this.maxRows = maxRows;
            this.maxColumns = maxColumns;
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(new SheetRow(rowNum + 1, current));
            if (rows.size() > maxRows) {
                throw new TooManyRows();
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? current.size() : new CellReference(reference).getCol();
            if (column >= 0 && column < maxColumns) {
                while (current.size() <= column) {
                    current.add(null);
                }
                current.set(column, formattedValue);
            }
        }
    }

    /** Dates as yyyy-mm-dd and numbers in full (83.5, never "83.50" or "8.35E+01"), whatever the cell's format. */
    private static final class PlainFormatter extends DataFormatter {

        PlainFormatter() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
