package app.catchball.metrics.spc;

import java.util.Locale;

/** The Making Data Count variation icon of a point. */
public enum PointType {
    COMMON_CAUSE,
    SPECIAL_CAUSE_IMPROVEMENT,
    SPECIAL_CAUSE_CONCERN,
    SPECIAL_CAUSE_NEUTRAL_HIGH,
    SPECIAL_CAUSE_NEUTRAL_LOW;

    /** The lower snake case name used in JSON, e.g. {@code "special_cause_improvement"}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
