package app.catchball.metrics.spc;

/** The special-cause rule that labelled a point, or {@link #NONE}. */
public enum SpecialCause {
    NONE,
    ABOVE_UPPER_LIMIT,
    BELOW_LOWER_LIMIT,
    TREND_INCREASING,
    TREND_DECREASING,
    TWO_OF_THREE_HIGH,
    TWO_OF_THREE_LOW,
    SHIFT_HIGH,
    SHIFT_LOW;

    /** Whether the cause points upwards (above the limit, rising trend, high two-of-three, high shift). */
    public boolean isHigh() {
        return this == ABOVE_UPPER_LIMIT || this == TREND_INCREASING || this == TWO_OF_THREE_HIGH || this == SHIFT_HIGH;
    }
}
