package app.catchball.projects;

import java.util.List;

/** A project of the register (an export, the API): the project with what it is linked to and measured by. */
public record RegisterEntry(ProjectSummary project, List<LinkedItem> links, List<Measure> measures) {
}
