package app.catchball.review;

import java.time.LocalDate;

/** What a Lead writes for a decision or action: the link is optional. */
public record DecisionDraft(String text, Long ownerUserId, LocalDate dueDate, DecisionStatus status, DecisionLink link) {
}
