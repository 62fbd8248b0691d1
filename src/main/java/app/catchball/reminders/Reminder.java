package app.catchball.reminders;

import java.time.LocalDate;

/** A reminder as its person sees it in the app. */
public record Reminder(long id, String kind, String text, String link, LocalDate dueDate, boolean overdue) {
}
