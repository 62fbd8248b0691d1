package app.catchball.base.export;

/**
 * Text bound for a spreadsheet or CSV cell, made safe against formula injection ("CSV injection",
 * OWASP): a cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is prefixed with an apostrophe, so Excel and its kin show it as text instead of running it.
 * Every exported text cell goes through here; numbers and dates are written as typed cells instead.
 */
public final class CellText {

    private CellText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
