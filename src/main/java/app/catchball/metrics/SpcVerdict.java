package app.catchball.metrics;

import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A metric's Making Data Count verdict as its page shows it: the latest value, the variation of the
 * latest point and the assurance against the target (null without data, or without a target).
 */
public record SpcVerdict(MetricInfo metric, LocalDate latestPeriod, BigDecimal latestValue, PointType variation,
                         Assurance assurance, boolean provisionalLimits) {

    /** "Special cause: concern", "Common cause variation" or "No data yet", as on the metric's page. */
    public String variationText() {
        if (variation == null) {
            return "No data yet";
        }
        return switch (variation) {
            case SPECIAL_CAUSE_IMPROVEMENT -> "Special cause: improvement";
            case SPECIAL_CAUSE_CONCERN -> "Special cause: concern";
            case SPECIAL_CAUSE_NEUTRAL_HIGH -> "Special cause: neutral, high";
            case SPECIAL_CAUSE_NEUTRAL_LOW -> "Special cause: neutral, low";
            case COMMON_CAUSE -> "Common cause variation";
        };
    }

    /** "consistently passes the target", "hit and miss", … or "no target". */
    public String assuranceText() {
        return assurance == null ? "no target" : switch (assurance) {
            case CONSISTENT_PASS -> "consistently passes the target";
            case CONSISTENT_FAIL -> "consistently fails the target";
            case INCONSISTENT -> "hit and miss";
        };
    }
}
