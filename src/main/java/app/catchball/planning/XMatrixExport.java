package app.catchball.planning;

import app.catchball.base.Formats;
import app.catchball.base.export.CellText;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's X-matrix in a cycle as an Excel workbook (Apache POI): the sheet "X-matrix" in the
 * classic layout, the sheet "Items" (one row per item, read back by {@link XMatrixImport}) and the
 * sheet "About". Every text cell goes through {@link CellText#neutralise}.
 */
@Service
@Transactional(readOnly = true)
public class XMatrixExport {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PlanningService planning;
    private final PlanItemQueries queries;
    private final PermissionService permissions;
    private final Clock clock;

    XMatrixExport(PlanningService planning, PlanItemQueries queries, PermissionService permissions, Clock clock) {
        this.planning = planning;
        this.queries = queries;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** "x-matrix-W7-2026-27.xlsx". */
    public static String fileName(XMatrix matrix) {
        return ("x-matrix-" + matrix.unit().shortCode() + "-" + matrix.cycle().name()).replaceAll("[^A-Za-z0-9._-]+", "-")
                + ".xlsx";
    }

    /** Writes the workbook of a unit's X-matrix to {@code out}; returns the matrix it wrote, for the file name. */
    public XMatrix write(long unitId, long cycleId, OutputStream out) {
        permissions.check(Action.VIEW, unitId);
        XMatrix matrix = planning.matrix(unitId, cycleId);
        String by = queries.displayName(permissions.requireUsername());
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            new XMatrixLayoutSheet(matrix, styles).write(workbook.createSheet("X-matrix"));
            writeItems(workbook.createSheet("Items"), matrix, styles);
            writeAbout(workbook.createSheet("About"), matrix, by, styles);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matrix;
    }

    /** The rows of the "Items" sheet in matrix order: True North, then South, West, North, East and Owners. */
    static List<ItemView> itemsInOrder(XMatrix matrix) {
        List<ItemView> all = new ArrayList<>(matrix.trueNorth());
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            all.addAll(matrix.side(side));
        }
        return all;
    }

    private void writeItems(Sheet sheet, XMatrix matrix, Styles styles) {
        List<ItemView> items = itemsInOrder(matrix);
        Map<Long, ItemView> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<ItemView> correlated = items.stream().filter(i -> matrix.correlations().stream()
                .anyMatch(c -> c.a() == i.id() || c.b() == i.id())).toList();
        Row header = sheet.createRow(0);
        ItemsColumn[] columns = ItemsColumn.values();
        for (ItemsColumn column : columns) {
            styles.text(header.createCell(column.ordinal()), column.header(), styles.header);
        }
        for (int j = 0; j < correlated.size(); j++) {
            styles.text(header.createCell(columns.length + j), correlated.get(j).code(), styles.header);
        }
        int r = 1;
        for (ItemView item : items) {
            Row row = sheet.createRow(r++);
            styles.text(row.createCell(ItemsColumn.CODE.ordinal()), item.code(), null);
            styles.text(row.createCell(ItemsColumn.KIND.ordinal()), item.kind().label(), null);
            styles.text(row.createCell(ItemsColumn.TITLE.ordinal()), item.title(), null);
            styles.text(row.createCell(ItemsColumn.DESCRIPTION.ordinal()), item.description(), null);
            styles.text(row.createCell(ItemsColumn.ACCOUNTABLE.ordinal()), item.accountableName(), null);
            if (item.target() != null) {
                row.createCell(ItemsColumn.TARGET.ordinal()).setCellValue(item.target().doubleValue());
            }
            if (item.sourceItemId() != null) {
                styles.text(row.createCell(ItemsColumn.FROM.ordinal()), fromText(item), null);
            }
            styles.text(row.createCell(ItemsColumn.UNIT_OF_MEASURE.ordinal()), item.unitOfMeasure(), null);
            if (item.direction() != null) {
                styles.text(row.createCell(ItemsColumn.DIRECTION.ordinal()), item.direction().label(), null);
            }
            if (item.baseline() != null) {
                row.createCell(ItemsColumn.BASELINE.ordinal()).setCellValue(item.baseline().doubleValue());
            }
            if (item.dueDate() != null) {
                Cell due = row.createCell(ItemsColumn.DUE.ordinal());
                due.setCellValue(Date.from(item.dueDate().atStartOfDay(ZoneId.systemDefault()).toInstant()));
                due.setCellStyle(styles.date);
            }
            if (item.trueNorthId() != null) {
                ItemView goal = byId.containsKey(item.trueNorthId()) ? byId.get(item.trueNorthId())
                        : queries.item(item.trueNorthId()).orElse(null);
                styles.text(row.createCell(ItemsColumn.TRUE_NORTH.ordinal()), goal == null ? null : goal.code() + " " + goal.title(), null);
            }
            styles.text(row.createCell(ItemsColumn.OWNER_PERSON.ordinal()), item.ownerName(), null);
            styles.text(row.createCell(ItemsColumn.TEAM.ordinal()), item.teamName(), null);
            for (int j = 0; j < correlated.size(); j++) {
                Strength s = strengthBetween(matrix, item.id(), correlated.get(j).id());
                if (s != null) {
                    styles.text(row.createCell(columns.length + j), s.symbol(), styles.symbol);
                }
            }
        }
        sheet.createFreezePane(3, 1);
        for (int c = 0; c < columns.length; c++) {
            sheet.setColumnWidth(c, (c == ItemsColumn.TITLE.ordinal() || c == ItemsColumn.DESCRIPTION.ordinal() ? 40 : 14) * 256);
        }
    }

    /** "Division of Medicine P2": the unit and code of the parent item an input was cascaded from. */
    String fromText(ItemView input) {
        String code = queries.item(input.sourceItemId()).map(ItemView::code).orElse("");
        return ((input.sourceUnitName() == null ? "" : input.sourceUnitName()) + " " + code).strip();
    }

    static Strength strengthBetween(XMatrix matrix, long x, long y) {
        return matrix.correlations().stream().filter(c -> (c.a() == x && c.b() == y) || (c.a() == y && c.b() == x))
                .map(CorrelationView::strength).findFirst().orElse(null);
    }

    private void writeAbout(Sheet sheet, XMatrix matrix, String by, Styles styles) {
        String[][] lines = {
                {"Unit", matrix.unit().name() + " (" + matrix.unit().shortCode() + ")"},
                {"Cycle", matrix.cycle().name()},
                {"Exported by", by},
                {"Exported", Formats.DAY_AT_TIME.format(clock.instant().atZone(ZoneId.systemDefault()))},
                {"Made with", "Catchball. Edit the \"Items\" sheet and use \"Import from Excel\" on an X-matrix to bring it back."},
        };
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i);
            styles.text(row.createCell(0), lines[i][0], styles.header);
            styles.text(row.createCell(1), lines[i][1], null);
        }
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 80 * 256);
    }

    /** The few cell styles of the workbook, made once (Excel caps the number of styles). */
    static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle symbol;
        final CellStyle cell;
        final CellStyle rotated;
        final CellStyle centre;
        final CellStyle title;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("d mmm yyyy"));
            symbol = XMatrixLayoutSheet.boxed(workbook, false);
            symbol.setAlignment(HorizontalAlignment.CENTER);
            cell = XMatrixLayoutSheet.boxed(workbook, true);
            rotated = XMatrixLayoutSheet.boxed(workbook, true);
            rotated.setRotation((short) 90);
            centre = XMatrixLayoutSheet.boxed(workbook, true);
            centre.setFont(bold);
            centre.setAlignment(HorizontalAlignment.CENTER);
            title = workbook.createCellStyle();
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title.setFont(big);
        }

        /** A text cell, neutralised against formula injection; nothing for null. */
        void text(Cell cell, String value, CellStyle style) {
            if (value != null) {
                cell.setCellValue(CellText.neutralise(value));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
