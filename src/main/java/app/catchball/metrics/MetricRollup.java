package app.catchball.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * How a metric connects to the levels around it: the parent metric it contributes to (if any) and,
 * when metrics of units below contribute to it, their rule, the rolled-up value per month and the
 * commitments of the units below against its own target ("Ward commitments: 18 of 30").
 */
public record MetricRollup(long metricId, Contribution contributesTo, RollupRule rule, List<Contributor> contributors,
                           List<MonthValue> months, Commitments commitments) {

    /** Whether metrics of units below contribute to this one. */
    public boolean rollsUp() {
        return rule != null && !contributors.isEmpty();
    }

    /** The rolled-up value of a month, or null when no contributor reported. */
    public MonthValue month(YearMonth month) {
        return months.stream().filter(m -> m.month().equals(month)).findFirst().orElse(null);
    }

    /** The parent metric this one adds to, e.g. "M3 Falls with harm" of "Emergency & Acute Medicine", by sum. */
    public record Contribution(long parentMetricId, String parentLabel, long parentUnitId, String parentUnitName,
                               RollupRule rule, RatioPart part) {

        /** "Contributes to M3 Falls with harm (Emergency & Acute Medicine) by sum". */
        public String sentence() {
            return "Contributes to " + parentLabel + " (" + parentUnitName + ") by " + rule.label()
                    + (part == null ? "" : ", as " + part.label());
        }
    }

    /** A metric of a unit below that contributes, with its committed target and latest value. */
    public record Contributor(long metricId, String label, long unitId, String unitName, RatioPart part,
                              BigDecimal target) {
    }

    /** The rolled-up value of a month and how many of the contributors reported it. */
    public record MonthValue(YearMonth month, BigDecimal value, int reported, int expected) {

        public boolean complete() {
            return reported == expected;
        }

        /** "12" or, when some did not report, "12 (2 of 3)". */
        public String text() {
            String number = value.stripTrailingZeros().toPlainString();
            return complete() ? number : number + " (" + reported + " of " + expected + ")";
        }
    }

    /**
     * The targets the units below committed to, added up by the rule, against this metric's target.
     * {@code covered}: the commitments reach the target in the direction of improvement.
     */
    public record Commitments(String sentence, BigDecimal committed, BigDecimal target, BigDecimal gap,
                              int withoutTarget, boolean covered) {
    }
}
