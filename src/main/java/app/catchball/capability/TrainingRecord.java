package app.catchball.capability;

import java.time.LocalDate;

/** A course someone completed. */
public record TrainingRecord(long id, long userId, String course, LocalDate completedOn, String recordedBy) {
}
