package app.catchball.projects;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projects register for exports and the API: the projects of a unit (and below), a page at a
 * time, each with its links to the plan (and whether they trace to True North) and its measures.
 * Read through {@link ProjectService}'s page, so with the same permission check as the screen.
 */
@Service
@Transactional(readOnly = true)
public class ProjectRegisterService {

    private final ProjectService projects;
    private final ProjectQueries queries;
    private final AlignmentQueries alignment;

    ProjectRegisterService(ProjectService projects, ProjectQueries queries, AlignmentQueries alignment) {
        this.projects = projects;
        this.queries = queries;
        this.alignment = alignment;
    }

    /** A page of the register, in the order of the project list: three statements whatever the page's size. */
    public List<RegisterEntry> page(long unitId, boolean includeBelow, int offset, int limit) {
        List<ProjectSummary> page = projects.projectsOf(unitId, includeBelow, false, offset, limit);
        List<Long> ids = page.stream().map(ProjectSummary::id).toList();
        Map<Long, List<LinkedItem>> links = queries.linksOf(ids, alignment::alignedItems);
        Map<Long, List<Measure>> measures = queries.measuresByProject(ids);
        return page.stream().map(p -> new RegisterEntry(p, links.getOrDefault(p.id(), List.of()),
                measures.getOrDefault(p.id(), List.of()))).toList();
    }
}
