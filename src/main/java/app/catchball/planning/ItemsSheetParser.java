package app.catchball.planning;

import app.catchball.base.RuleViolation;
import app.catchball.base.export.XlsxRows.SheetRow;
import app.catchball.planning.MatrixImportPreview.ImportRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the rows of an "Items" sheet into {@link ImportRow}s: the first row holding "Kind" and
 * "Title" is the header; columns are found by their header, in any order; columns headed by an
 * item code are correlations. Blank rows are skipped.
 */
final class ItemsSheetParser {

    static final String HOW = "Use the \"Items\" sheet of an exported X-matrix, or the template: a header row with at least "
            + "Kind and Title (and Code to update an item).";

    private ItemsSheetParser() {
    }

    static List<ImportRow> parse(List<SheetRow> sheet) {
        int headerAt = -1;
        Map<ItemsColumn, Integer> columns = new EnumMap<>(ItemsColumn.class);
        Map<String, Integer> linkColumns = new LinkedHashMap<>();
        for (int i = 0; i < sheet.size() && headerAt < 0; i++) {
            SheetRow row = sheet.get(i);
            for (int c = 0; c < row.cells().size(); c++) {
                String text = row.cell(c);
                ItemsColumn.byHeader(text).ifPresent(col -> columns.putIfAbsent(col, 0));
            }
            if (columns.containsKey(ItemsColumn.KIND) && columns.containsKey(ItemsColumn.TITLE)) {
                headerAt = i;
                for (int c = 0; c < row.cells().size(); c++) {
                    String text = row.cell(c);
                    int at = c;
                    ItemsColumn.byHeader(text).ifPresent(col -> columns.put(col, at));
                    if (ItemsColumn.isItemCode(text)) {
                        linkColumns.putIfAbsent(text.toUpperCase(Locale.ROOT), c);
                    }
                }
            } else {
                columns.clear();
            }
        }
        if (headerAt < 0) {
            throw new RuleViolation("No header row with \"Kind\" and \"Title\" was found. " + HOW);
        }
        List<ImportRow> rows = new ArrayList<>();
        for (SheetRow row : sheet.subList(headerAt + 1, sheet.size())) {
            if (row.blank()) {
                continue;
            }
            Map<String, String> links = new LinkedHashMap<>();
            linkColumns.forEach((code, c) -> links.put(code, row.cell(c)));
            rows.add(new ImportRow(row.line(), text(row, columns, ItemsColumn.CODE).toUpperCase(Locale.ROOT),
                    text(row, columns, ItemsColumn.KIND), text(row, columns, ItemsColumn.TITLE),
                    text(row, columns, ItemsColumn.DESCRIPTION), text(row, columns, ItemsColumn.ACCOUNTABLE),
                    text(row, columns, ItemsColumn.TARGET), text(row, columns, ItemsColumn.FROM),
                    text(row, columns, ItemsColumn.UNIT_OF_MEASURE), text(row, columns, ItemsColumn.DIRECTION),
                    text(row, columns, ItemsColumn.BASELINE), text(row, columns, ItemsColumn.DUE),
                    text(row, columns, ItemsColumn.TRUE_NORTH), text(row, columns, ItemsColumn.OWNER_PERSON),
                    text(row, columns, ItemsColumn.TEAM), links));
        }
        if (rows.isEmpty()) {
            throw new RuleViolation("The sheet has no items below its header. " + HOW);
        }
        return rows;
    }

    private static String text(SheetRow row, Map<ItemsColumn, Integer> columns, ItemsColumn column) {
        Integer at = columns.get(column);
        return at == null ? "" : restore(row.cell(at));
    }

    /** Undoes the export's formula neutralisation: "'=1+2" was written for "=1+2". */
    static String restore(String text) {
        if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }
}
