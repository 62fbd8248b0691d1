package app.catchball.metrics;

import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A metric's Making Data Count verdict as its page shows it: the latest value, the variation of the
 * latest point and the assurance against the target (null without data, or without a target), and the
 * trajectory of the latest period (null without one).
 */
public record SpcVerdict(MetricInfo metric, LocalDate latestPeriod, BigDecimal latestValue, PointType variation,
                         Assurance assurance, boolean provisionalLimits, BigDecimal trajectory) {

    /** The variation icon's text alternative, e.g. "Variation: Special cause: concern, high". */
    public String variationLabel() {
        return MdcIcons.variationLabel(variation, metric.direction());
    }

    /** The assurance icon's text alternative, e.g. "Assurance: consistently fails the target". */
    public String assuranceLabel() {
        return MdcIcons.assuranceLabel(assurance);
    }

    /** "Special cause: concern", "Common cause variation" or "No data yet", as on the metric's page. */
    public String variationText() {
        return MdcIcons.variationText(variation);
    }

    /** "consistently passes the target", "hit and miss", … or "no target". */
    public String assuranceText() {
        return MdcIcons.assuranceText(assurance);
    }
}
