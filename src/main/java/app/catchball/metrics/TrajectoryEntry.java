package app.catchball.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A planned value of a metric for one month of its cycle ({@code period}: the first day of the month). */
public record TrajectoryEntry(LocalDate period, BigDecimal target) {
}
