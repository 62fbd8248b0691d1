package app.catchball.projects;

import java.time.LocalDate;

/** What a user typed for a project. The aim says what, by how much and by when. */
public record ProjectDraft(String title, String aim, Long leadUserId, String team, ProjectStage stage,
                           LocalDate startDate, LocalDate endDate) {

    public static ProjectDraft titled(String title) {
        return new ProjectDraft(title, null, null, null, ProjectStage.IDEA, null, null);
    }

    public ProjectDraft withTitle(String newTitle) {
        return new ProjectDraft(newTitle, aim, leadUserId, team, stage, startDate, endDate);
    }

    public ProjectDraft withAim(String newAim) {
        return new ProjectDraft(title, newAim, leadUserId, team, stage, startDate, endDate);
    }

    public ProjectDraft withLead(Long userId) {
        return new ProjectDraft(title, aim, userId, team, stage, startDate, endDate);
    }

    public ProjectDraft withTeam(String newTeam) {
        return new ProjectDraft(title, aim, leadUserId, newTeam, stage, startDate, endDate);
    }

    public ProjectDraft withStage(ProjectStage newStage) {
        return new ProjectDraft(title, aim, leadUserId, team, newStage, startDate, endDate);
    }

    public ProjectDraft withDates(LocalDate start, LocalDate end) {
        return new ProjectDraft(title, aim, leadUserId, team, stage, start, end);
    }
}
