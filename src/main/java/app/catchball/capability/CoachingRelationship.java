package app.catchball.capability;

import java.time.LocalDate;

/** A coach and the person they coach, since a date (until {@code endedOn}, when it ended). */
public record CoachingRelationship(long id, long coachUserId, String coachName, long coacheeUserId, String coacheeName,
                                   LocalDate since, LocalDate endedOn) {
}
