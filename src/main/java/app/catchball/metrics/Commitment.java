package app.catchball.metrics;

import java.math.BigDecimal;

/**
 * A catchball thread's number for a parent's metric: the parent metric, the rule, and once agreed
 * the child's metric that holds the agreed target.
 */
public record Commitment(long linkId, long parentMetricId, String parentLabel, String parentUnitName, RollupRule rule,
                         Long childMetricId, String childLabel, String childUnitName, BigDecimal childTarget) {

    /** "The target is a number for M3 Falls with harm (Emergency & Acute Medicine), added up by sum." */
    public String sentence() {
        return "The target is a number for " + parentLabel + " (" + parentUnitName + "), added up by " + rule.label() + ".";
    }

    /** "Agreed number in Acute Medical Unit's M1 Falls with harm: target 3", or null before agreement. */
    public String agreedText() {
        return childMetricId == null ? null : "Agreed number in " + childUnitName + "'s " + childLabel + ": target "
                + (childTarget == null ? "none" : childTarget.stripTrailingZeros().toPlainString());
    }
}
