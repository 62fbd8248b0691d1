package app.catchball.projects;

import app.catchball.security.PermissionService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells open screens, after the commit, that a project changed (base.live): {@link ProjectChanged}. */
@Component
class ProjectEvents {

    private final ApplicationEventPublisher events;
    private final PermissionService permissions;

    ProjectEvents(ApplicationEventPublisher events, PermissionService permissions) {
        this.events = events;
        this.permissions = permissions;
    }

    /** Publishes the change of the project and hands its summary back. */
    ProjectSummary changed(ProjectSummary project) {
        changed(project.unitId(), project.id());
        return project;
    }

    void changed(long unitId, long projectId) {
        String by = permissions.requireUsername();
        events.publishEvent(new ProjectChanged(unitId, null, projectId, by, permissions.displayName(by)));
    }
}
