package app.catchball.planning;

import java.util.List;
import java.util.Map;

/**
 * An X-matrix workbook checked row by row against a unit's X-matrix before anything is saved:
 * each row is new, an update, unchanged or refused (with the reason); people named in the file
 * who are not Catchball users are listed. {@code rows} keeps what the file said, to save it.
 */
public record MatrixImportPreview(long unitId, long cycleId, String fileName, List<Row> checked, List<String> unknownPeople,
                                  List<ImportRow> rows) {

    /** What saving would do with a row. */
    public enum Outcome {
        NEW("new"), UPDATE("update"), UNCHANGED("unchanged"), REFUSED("refused");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A row of the file as checked: its row number in the sheet, what it is and what saving would do. */
    public record Row(int line, String code, String kind, String title, Outcome outcome, String note) {
    }

    /**
     * A row of the "Items" sheet as read: text cells with formula neutralisation undone;
     * {@code links} maps each correlation column's item code to the cell ("" when empty).
     */
    public record ImportRow(int line, String code, String kind, String title, String description, String accountable,
                            String target, String from, String unitOfMeasure, String direction, String baseline, String due,
                            String trueNorth, String ownerPerson, String team, Map<String, String> links) {
    }

    public long count(Outcome outcome) {
        return checked.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** Whether saving would change anything. */
    public boolean changes() {
        return count(Outcome.NEW) + count(Outcome.UPDATE) > 0;
    }
}
