package app.catchball.planning;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The sheet "X-matrix" in the classic layout: improvement priorities (North) above the centre,
 * breakthrough objectives (South) below it, annual objectives (West) to its left and metrics
 * (East) to its right, each read outwards from the centre; the corner grids between adjacent
 * sides hold ● ○ △; the owners' columns stand right of the metrics, against the priorities.
 * Set up to print on one A3 landscape page.
 */
final class XMatrixLayoutSheet {

    private static final int TOP = 3;

    private final XMatrix matrix;
    private final XMatrixExport.Styles styles;
    private final List<ItemView> north;
    private final List<ItemView> south;
    private final List<ItemView> west;
    private final List<ItemView> east;
    private final List<ItemView> owners;
    private Sheet sheet;

    XMatrixLayoutSheet(XMatrix matrix, XMatrixExport.Styles styles) {
        this.matrix = matrix;
        this.styles = styles;
        this.north = matrix.side(Side.NORTH);
        this.south = matrix.side(Side.SOUTH);
        this.west = matrix.side(Side.WEST);
        this.east = matrix.side(Side.EAST);
        this.owners = matrix.side(Side.OWNERS);
    }

    /** A bordered cell style, wrapping text when asked. */
    static CellStyle boxed(Workbook workbook, boolean wrap) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(wrap);
        return style;
    }

    void write(Sheet target) {
        this.sheet = target;
        styles.text(cell(0, 0), "X-matrix: " + matrix.unit().name() + " · " + matrix.cycle().name(), styles.title);
        if (!matrix.trueNorth().isEmpty()) {
            styles.text(cell(1, 0), "True North: " + matrix.trueNorth().stream().map(g -> g.code() + " " + g.title())
                    .collect(Collectors.joining("; ")), null);
        }
        int centreRow = northRow(-1);
        int centreCol = westCol(-1);
        styles.text(cell(centreRow, centreCol), "↑ " + Side.NORTH.label() + "\n← " + Side.WEST.label() + "   "
                + Side.EAST.label() + " →\n↓ " + Side.SOUTH.label()
                + (owners.isEmpty() ? "" : "\n" + Side.OWNERS.label() + ": right of the metrics"), styles.centre);
        for (int i = 0; i < north.size(); i++) {
            styles.text(cell(northRow(i), centreCol), label(north.get(i)), styles.cell);
        }
        for (int i = 0; i < south.size(); i++) {
            styles.text(cell(southRow(i), centreCol), label(south.get(i)), styles.cell);
        }
        for (int j = 0; j < west.size(); j++) {
            styles.text(cell(centreRow, westCol(j)), label(west.get(j)), styles.rotated);
        }
        for (int j = 0; j < east.size(); j++) {
            ItemView metric = east.get(j);
            styles.text(cell(centreRow, eastCol(j)), label(metric)
                    + (metric.targetText() == null ? "" : " → " + metric.targetText()), styles.rotated);
        }
        for (int j = 0; j < owners.size(); j++) {
            ItemView owner = owners.get(j);
            String who = owner.ownerName() != null ? owner.ownerName() : owner.teamName();
            styles.text(cell(centreRow, ownerCol(j)), owner.code() + " " + (who == null ? owner.title() : who), styles.rotated);
        }
        grid(north, west, (n, w) -> matrix.strength(Corner.NW, w.id(), n.id()), true, false);
        grid(south, west, (s, w) -> matrix.strength(Corner.SW, s.id(), w.id()), false, false);
        grid(north, east, (n, e) -> matrix.strength(Corner.NE, n.id(), e.id()), true, true);
        grid(south, east, (s, e) -> matrix.strength(Corner.SE, e.id(), s.id()), false, true);
        for (int i = 0; i < north.size(); i++) {
            for (int j = 0; j < owners.size(); j++) {
                Strength s = matrix.strength(Corner.OWNERS, north.get(i).id(), owners.get(j).id());
                styles.text(cell(northRow(i), ownerCol(j)), s == null ? "" : s.symbol(), styles.symbol);
            }
        }
        layout(centreRow, centreCol);
    }

    private interface Link {
        Strength between(ItemView rowItem, ItemView columnItem);
    }

    private void grid(List<ItemView> rows, List<ItemView> columns, Link link, boolean rowsNorth, boolean columnsEast) {
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                Strength s = link.between(rows.get(i), columns.get(j));
                int r = rowsNorth ? northRow(i) : southRow(i);
                int c = columnsEast ? eastCol(j) : westCol(j);
                styles.text(cell(r, c), s == null ? "" : s.symbol(), styles.symbol);
            }
        }
    }

    private void layout(int centreRow, int centreCol) {
        for (int c = 0; c <= ownerCol(owners.size() - 1); c++) {
            sheet.setColumnWidth(c, (c == centreCol ? 60 : 5) * 256);
        }
        sheet.getRow(centreRow).setHeightInPoints(200);
        int lastRow = southRow(south.size() - 1);
        int lastCol = Math.max(centreCol, ownerCol(owners.size() - 1));
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, lastCol, 0, lastRow);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A3_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 1);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
    }

    private static String label(ItemView item) {
        return item.code() + " " + item.title();
    }

    /** North items read upwards from the centre: the first sits just above it. */
    private int northRow(int index) {
        return TOP + north.size() - 1 - index;
    }

    private int southRow(int index) {
        return TOP + north.size() + 1 + index;
    }

    /** West items read leftwards from the centre: the first sits just left of it. */
    private int westCol(int index) {
        return west.size() - 1 - index;
    }

    private int eastCol(int index) {
        return west.size() + 1 + index;
    }

    private int ownerCol(int index) {
        return west.size() + 1 + east.size() + index;
    }

    private Cell cell(int r, int c) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }
}
