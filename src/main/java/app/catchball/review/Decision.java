package app.catchball.review;

import java.time.LocalDate;
import java.time.YearMonth;

/** A decision or action of a unit's reviews; {@code month} is the review that raised it. */
public record Decision(long id, long unitId, YearMonth month, String text, long ownerUserId, String ownerName,
                       LocalDate dueDate, DecisionStatus status, LocalDate closedOn, DecisionLink link, long version,
                       boolean overdue) {
}
