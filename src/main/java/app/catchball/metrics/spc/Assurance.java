package app.catchball.metrics.spc;

import java.util.Locale;

/** The Making Data Count assurance icon: can the process be relied on to meet its target. */
public enum Assurance {
    CONSISTENT_PASS,
    CONSISTENT_FAIL,
    INCONSISTENT;

    /** The lower snake case name used in JSON, e.g. {@code "consistent_pass"}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
