package app.catchball.planning;

import java.time.LocalDate;

/** A planning cycle as the screens and other features see it. */
public record CycleSummary(long id, String name, LocalDate firstMonth, LocalDate lastMonth, CycleStage stage,
                           boolean current, Long previousCycleId, long version) {

    public boolean closed() {
        return stage == CycleStage.CLOSED;
    }
}
