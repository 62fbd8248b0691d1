package app.catchball.reminders;

import java.time.LocalDate;
import java.util.List;

/**
 * Contributes what is due, for everyone, to the reminder job: each feature that has something a person
 * must do by a date (values, countermeasures, catchball threads, review actions) adds a bean of this
 * type. Called by the job with nobody signed in; it reads across the whole organisation, so it must
 * answer in a few statements, never one per unit or person.
 */
public interface ReminderSource {

    /** Everything due for someone today (due soon or overdue); an item no longer returned is resolved. */
    List<DueItem> dueItems(LocalDate today);
}
