package app.catchball.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record MetricValueView(LocalDate period, BigDecimal value, String updatedBy, Instant updatedAt) {
}
