package app.catchball.metrics;

import java.time.LocalDate;

/** A countermeasure: what a team will do while a metric is off track. */
public record CountermeasureView(long id, long metricId, String reason, String problem, String rootCause, String action,
                                 Long ownerUserId, String ownerName, LocalDate dueDate, CountermeasureStatus status,
                                 boolean overdue, long version) {
}
