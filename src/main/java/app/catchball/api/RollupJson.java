package app.catchball.api;

import app.catchball.metrics.MetricRollup;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** A metric's roll-up between levels, as the metric JSON of the API shows it. */
@Schema(description = "How the metric connects to other levels: the metric above it contributes to, and the metrics of "
        + "units below that add up to it (by sum, mean or ratio of sums), with the rolled-up value per month and the "
        + "units' committed targets against this metric's target")
record RollupJson(
        @Schema(description = "The metric above that this one contributes to, or null", nullable = true) ContributesTo contributesTo,
        @Schema(description = "How the contributors add up: SUM, MEAN or RATIO (ratio of sums); null when none contribute",
                allowableValues = {"SUM", "MEAN", "RATIO"}, nullable = true) String rule,
        @Schema(description = "The metrics of units below that add up to this one") List<Contributor> contributors,
        @Schema(description = "The rolled-up value of each month of the cycle in which a contributor reported; "
                + "reported < expected when some did not") List<Month> months,
        @Schema(description = "The contributors' targets added up by the rule, against this metric's target; null when none "
                + "contribute", nullable = true) Commitments commitments) {

    record ContributesTo(long metricId, String metric, String unit, String rule,
                         @Schema(description = "NUMERATOR or DENOMINATOR for a ratio of sums", nullable = true) String part) {
    }

    record Contributor(long metricId, String metric, long unitId, String unit, String part, BigDecimal target) {
    }

    record Month(@Schema(example = "2026-05") String month, BigDecimal value, int reported, int expected) {
    }

    record Commitments(@Schema(example = "Ward commitments: 18 of 30") String sentence, BigDecimal committed,
                       BigDecimal target, @Schema(description = "target − committed") BigDecimal gap,
                       @Schema(description = "Contributors without a target") int withoutTarget,
                       @Schema(description = "The commitments reach the target in the direction of improvement") boolean covered) {
    }

    static RollupJson of(MetricRollup r) {
        if (r == null) {
            return null;
        }
        var up = r.contributesTo();
        var c = r.commitments();
        return new RollupJson(
                up == null ? null : new ContributesTo(up.parentMetricId(), up.parentLabel(), up.parentUnitName(), up.rule().name(),
                        up.part() == null ? null : up.part().name()),
                r.rule() == null ? null : r.rule().name(),
                r.contributors().stream().map(x -> new Contributor(x.metricId(), x.label(), x.unitId(), x.unitName(),
                        x.part() == null ? null : x.part().name(), plain(x.target()))).toList(),
                r.months().stream().map(m -> new Month(m.month().toString(), plain(m.value()), m.reported(), m.expected())).toList(),
                c == null ? null : new Commitments(c.sentence(), plain(c.committed()), plain(c.target()), plain(c.gap()),
                        c.withoutTarget(), c.covered()));
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
