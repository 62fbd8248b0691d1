package app.catchball.projects;

import java.time.LocalDate;

/**
 * A project as lists show it. {@code needsNewLead}: it has no lead, or its lead was deactivated or
 * no longer holds a role on the project's unit or above (derived from the data, always current).
 * {@code aligned}: a linked item traces to True North. {@code slipping}: finished, yet a measure
 * shows special-cause concern after its end date.
 */
public record ProjectSummary(long id, long unitId, String unitName, String title, String aim, ProjectStage stage,
                             Long leadUserId, String leadName, String team, LocalDate startDate, LocalDate endDate,
                             boolean approved, boolean needsNewLead, boolean aligned, boolean slipping, long version) {

    ProjectSummary with(boolean isAligned, boolean isSlipping) {
        return new ProjectSummary(id, unitId, unitName, title, aim, stage, leadUserId, leadName, team, startDate, endDate,
                approved, needsNewLead, isAligned, isSlipping, version);
    }

    public String leadText() {
        return leadName == null ? "No lead" : leadName;
    }

    public ProjectDraft toDraft() {
        return new ProjectDraft(title, aim, leadUserId, team, stage, startDate, endDate);
    }
}
