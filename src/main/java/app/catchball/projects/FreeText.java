package app.catchball.projects;

import app.catchball.base.RuleViolation;

/** Free text as the projects store it. */
final class FreeText {

    private FreeText() {
    }

    /** Stripped, null when blank, refused when longer than {@code max} characters. */
    static String clean(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new RuleViolation(what + " has at most " + String.format("%,d", max) + " characters.");
        }
        return s;
    }
}
