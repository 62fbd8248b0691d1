package app.catchball.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A value for a period: the month (any day of it) or, for weekly metrics, the week (any day of it). */
public record ValueEntry(LocalDate period, BigDecimal value) {
}
