package app.catchball.metrics;

import java.time.Instant;
import java.time.LocalDate;

/** A dated note on a metric ("New board round started"), drawn as a marker on its SPC chart. */
public record Annotation(long id, long metricId, LocalDate notedOn, String text, String createdBy, String createdByName,
                         Instant createdAt) {
}
