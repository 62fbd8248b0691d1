package app.catchball.metrics;

/**
 * How a parent's metric adds up the metrics that contribute to it from units below: the sum (counts),
 * the mean, or the ratio of sums (the contributors' numerators over their denominators; a percentage
 * when the parent's unit of measure is "%").
 */
public enum RollupRule {
    SUM("sum"),
    MEAN("mean"),
    RATIO("ratio of sums");

    private final String label;

    RollupRule(String label) {
        this.label = label;
    }

    /** "sum", "mean", "ratio of sums". */
    public String label() {
        return label;
    }
}
