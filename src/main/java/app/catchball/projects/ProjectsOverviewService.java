package app.catchball.projects;

import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Projects screen's data in one read-only transaction, with the signed-in user's permissions on
 * the unit asked once: issue 15 wants a bounded number of statements whatever the number of rows.
 */
@Service
@Transactional(readOnly = true)
public class ProjectsOverviewService {

    private final PermissionService permissions;
    private final ProjectQueries queries;
    private final AlignmentService alignment;

    ProjectsOverviewService(PermissionService permissions, ProjectQueries queries, AlignmentService alignment) {
        this.permissions = permissions;
        this.queries = queries;
        this.alignment = alignment;
    }

    /** The unit's overview: its own projects, or with {@code includeBelow} those of the units below it too. */
    public ProjectsOverview overview(long unitId, boolean includeBelow) {
        Set<Action> allowed = permissions.checkAndList(Action.VIEW, unitId);
        ProjectQueries.ProjectCounts counts = queries.counts(unitId);
        return new ProjectsOverview(allowed.contains(Action.EDIT_PROJECTS), includeBelow ? counts.withBelow() : counts.own(),
                counts.withBelow(), counts.unaligned(), alignment.alignment(unitId));
    }
}
