package app.catchball.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One saved version of a metric's commentary for a month, in three parts ("What happened", "Why",
 * "What next"), with who wrote it and when. The latest version of a month is that month's commentary.
 */
public record Commentary(long id, long metricId, LocalDate period, String whatHappened, String why, String whatNext,
                         String writtenBy, String writtenByName, Instant writtenAt) {

    /** The month the commentary is about. */
    public YearMonth month() {
        return YearMonth.from(period);
    }

    /** The three parts in one text, for places that show it as a paragraph (the board pack). */
    public String text() {
        return "What happened: " + whatHappened + (why == null ? "" : "\nWhy: " + why)
                + (whatNext == null ? "" : "\nWhat next: " + whatNext);
    }
}
