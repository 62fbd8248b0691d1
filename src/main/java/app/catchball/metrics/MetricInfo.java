package app.catchball.metrics;

import app.catchball.planning.Direction;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A metric of an X-matrix (a target to improve) with what the metric screens need; an archived one takes no more values. */
public record MetricInfo(long id, long unitId, String unitName, long cycleId, String code, String title,
                         String unitOfMeasure, Direction direction, BigDecimal baseline, BigDecimal target,
                         LocalDate dueDate, Long ownerUserId, String ownerName, Frequency frequency, boolean archived) {

    /** "M1 Discharges before noon". */
    public String label() {
        return code + " " + title;
    }
}
