package app.catchball.metrics;

import java.time.LocalDate;
import java.util.List;

/** How a metric's XmR chart is read: limits fixed after N points (null: never), outlier screening, rebase dates. */
public record SpcSettings(Integer fixAfterN, boolean screenOutliers, List<LocalDate> rebaseDates) {
}
