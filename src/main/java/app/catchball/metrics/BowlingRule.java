package app.catchball.metrics;

import java.math.BigDecimal;

/**
 * How a metric's bowling chart is read: the aggregation of its months and year to date, the amber
 * band (a miss by at most {@code tolerance}, absolute or a percentage of the target, is amber rather
 * than red; null: no amber band) and, for a ratio, its numerator and denominator metrics.
 */
public record BowlingRule(Aggregation aggregation, BigDecimal tolerance, boolean tolerancePercent,
                          Long numeratorId, Long denominatorId) {

    /** A metric with no rule of its own: the mean, no amber band. */
    public static final BowlingRule DEFAULT = new BowlingRule(Aggregation.MEAN, null, false, null, null);

    public BowlingRule {
        aggregation = aggregation == null ? Aggregation.MEAN : aggregation;
    }

    /** "Year to date: total; amber within 10 % of the target". */
    public String describe() {
        String ytd = switch (aggregation) {
            case SUM -> "total";
            case MEAN -> "mean";
            case LATEST -> "latest month";
            case RATIO -> "sum of the numerator ÷ sum of the denominator";
        };
        return "Year to date: " + ytd + "; " + (tolerance == null ? "no amber band"
                : "amber within " + tolerance.stripTrailingZeros().toPlainString() + (tolerancePercent ? " % of the target" : " of the target"));
    }
}
