package app.catchball.projects;

import java.util.List;

/** Everything the project page shows, with what the signed-in user may do. */
public record ProjectDetail(ProjectSummary project, List<LinkedItem> links, List<Measure> measures,
                            List<PdsaCycle> pdsa, List<Handover> handovers, String approvedBy, Long proposedLinkId,
                            boolean mayEdit, boolean mayLink) {
}
