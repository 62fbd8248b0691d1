package app.catchball.reminders;

import java.util.List;

/**
 * The reminder job recorded new reminders for a person: handled after the job's transaction commits
 * (the e-mail digest). Ids only, so the event can be kept in an event publication registry.
 */
public record RemindersRecorded(long userId, List<Long> reminderIds) {
}
