package app.catchball.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A metric's trajectory for its cycle: the months of the cycle and the value planned for each
 * (a month without one is judged against the metric's target), oldest first.
 */
public record Trajectory(MetricInfo metric, String cycleName, List<YearMonth> months, List<TrajectoryEntry> entries) {

    /** The planned value per month, for the grid. */
    public Map<YearMonth, BigDecimal> byMonth() {
        return entries.stream().collect(Collectors.toMap(e -> YearMonth.from(e.period()), TrajectoryEntry::target));
    }
}
