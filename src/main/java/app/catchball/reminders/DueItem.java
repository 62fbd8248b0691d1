package app.catchball.reminders;

import java.time.LocalDate;

/**
 * One thing a person must do: it is recorded, shown and e-mailed once per person, kind, item and
 * period.
 *
 * @param userId the person it is for
 * @param kind   a short, stable name of the source ({@code VALUES}, {@code COUNTERMEASURE}, {@code CATCHBALL}, …)
 * @param itemId the id of the metric, countermeasure, thread… it is about
 * @param period what makes it due again: a value's month, a countermeasure's due date, the day a thread started waiting
 * @param due    when it is (or was) due
 * @param text   what to do, as the person reads it
 * @param link   the page that does it, relative to the application (e.g. {@code metrics/metric/12}), or null
 */
public record DueItem(long userId, String kind, long itemId, LocalDate period, LocalDate due, String text, String link) {

    /** What makes a reminder the same one: it is recorded once. */
    public record Key(long userId, String kind, long itemId, LocalDate period) {
    }

    public Key key() {
        return new Key(userId, kind, itemId, period);
    }
}
