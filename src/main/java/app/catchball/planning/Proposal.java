package app.catchball.planning;

import java.time.LocalDate;
import java.util.Objects;

/** What is proposed at a step of catchball: the wording, target, due date, rationale and resources needed. */
public record Proposal(String title, String target, LocalDate dueDate, String rationale, String resources) {

    public static Proposal titled(String title) {
        return new Proposal(title, null, null, null, null);
    }

    public Proposal withTarget(String newTarget) {
        return new Proposal(title, newTarget, dueDate, rationale, resources);
    }

    public Proposal withResources(String newResources) {
        return new Proposal(title, target, dueDate, rationale, newResources);
    }

    public Proposal withDueDate(LocalDate date) {
        return new Proposal(title, target, date, rationale, resources);
    }

    /** Trims text and turns blanks into nothing. */
    public Proposal cleaned() {
        return new Proposal(clean(title), clean(target), dueDate, clean(rationale), clean(resources));
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean sameAs(Proposal other) {
        return other != null && Objects.equals(title, other.title) && Objects.equals(target, other.target)
                && Objects.equals(dueDate, other.dueDate) && Objects.equals(resources, other.resources);
    }
}
