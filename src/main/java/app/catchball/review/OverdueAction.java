package app.catchball.review;

import java.time.LocalDate;

/** An open decision or action past its due date, for its owner's Home. */
public record OverdueAction(long id, long unitId, String unitCode, String unitName, String text, LocalDate dueDate) {
}
