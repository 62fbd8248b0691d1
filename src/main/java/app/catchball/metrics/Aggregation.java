package app.catchball.metrics;

/**
 * How a metric's values make a month of the bowling chart and its year to date. A weekly metric's
 * month aggregates its weeks by the same rule.
 */
public enum Aggregation {
    /** Counts: the month is the total of its values, the year to date the total of the months. */
    SUM("sum", "Total"),
    /** The month and the year to date are the mean of their values. */
    MEAN("mean", "Mean"),
    /** Snapshots such as a vacancy rate: the month is its latest value, the year to date the latest month. */
    LATEST("latest", "Latest"),
    /**
     * A percentage from a numerator and a denominator metric of the same unit: 100 × sum of the
     * numerator ÷ sum of the denominator, over the month or over the year to date.
     */
    RATIO("ratio", "Ratio");

    private final String code;
    private final String label;

    Aggregation(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As the API writes it: "sum", "mean", "latest", "ratio". */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The aggregation the API names (any case), or null. */
    public static Aggregation ofCode(String code) {
        for (Aggregation a : values()) {
            if (a.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return a;
            }
        }
        return null;
    }
}
