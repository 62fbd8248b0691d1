package app.catchball.planning;

import java.util.Locale;
import java.util.Optional;

/**
 * The named columns of the "Items" sheet, as exported and as read back. Only Code (for updates),
 * Kind and Title are needed to import; a header that is an item code (B1, P2, M3…) is a
 * correlation column holding ●, ○ or △.
 */
enum ItemsColumn {
    CODE("Code"),
    KIND("Kind"),
    TITLE("Title"),
    DESCRIPTION("Description"),
    ACCOUNTABLE("Accountable person"),
    TARGET("Target"),
    FROM("From"),
    UNIT_OF_MEASURE("Unit of measure"),
    DIRECTION("Direction"),
    BASELINE("Baseline"),
    DUE("Due"),
    TRUE_NORTH("True North goal"),
    OWNER_PERSON("Owner (person)"),
    TEAM("Team");

    private final String header;

    ItemsColumn(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    static Optional<ItemsColumn> byHeader(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ItemsColumn c : values()) {
            if (c.header.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether a header names an item, and so is a correlation column. */
    static boolean isItemCode(String text) {
        return text != null && text.strip().matches("[TBAPMO][0-9]{1,5}");
    }
}
