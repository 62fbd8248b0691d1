package app.catchball.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An uploaded file checked row by row before anything is saved. */
public record ImportPreview(long unitId, long cycleId, String fileName, List<Row> rows) {

    /** A row of the file; {@code error} says why it cannot be saved (null: good). */
    public record Row(int line, String metricText, String periodText, String valueText, Long metricId, String metricLabel,
                      LocalDate period, BigDecimal value, String error) {

        public boolean good() {
            return error == null;
        }
    }

    public long goodRows() {
        return rows.stream().filter(Row::good).count();
    }

    public long badRows() {
        return rows.size() - goodRows();
    }
}
