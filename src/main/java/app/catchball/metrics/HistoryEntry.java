package app.catchball.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One change of a value: from what to what, by whom, when and how (MANUAL, UPLOAD or API). Null means none. */
public record HistoryEntry(LocalDate period, BigDecimal oldValue, BigDecimal newValue, String changedBy,
                           Instant changedAt, String source) {
}
