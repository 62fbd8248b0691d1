package app.catchball.projects;

import java.util.List;

/** What needs attention so nothing is lost when people move on: orphaned work and slipping projects. */
public record ContinuityBoard(long unitId, String unitName, List<OrphanedProject> needsNewLead,
                              List<Responsibility> responsibilities, List<ProjectSummary> slipping) {

    /** A project that needs a new lead, with why. */
    public record OrphanedProject(ProjectSummary project, String reason) {
    }
}
