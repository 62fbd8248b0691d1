package app.catchball.metrics;

import app.catchball.security.UserSummary;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the page of a metric shows, read at once ({@link MetricPageService#page}): its SPC
 * analysis and chart settings, its values (in period order) and their corrections (newest first),
 * its commentary and notes, its bowling chart settings, its roll-up, its countermeasures (newest
 * first), and what the signed-in user may do on it. {@code owners} are the active users a
 * countermeasure may name (empty unless the user may record one).
 */
public record MetricPage(MetricSpc spc, SpcSettings settings, List<MetricValueView> values, List<HistoryEntry> corrections,
                         MetricNotes notes, BowlingSettings bowling, MetricRollupService.RollupPage rollup,
                         List<CountermeasureView> countermeasures, LocalDate currentPeriod, boolean mayChangeMetric,
                         boolean mayEnterValues, boolean mayRecordCountermeasures, List<UserSummary> owners) {

    public MetricPage {
        values = List.copyOf(values);
        corrections = List.copyOf(corrections);
        countermeasures = List.copyOf(countermeasures);
        owners = List.copyOf(owners);
    }

    public MetricInfo metric() {
        return spc.metric();
    }
}
