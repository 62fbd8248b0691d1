package app.catchball.projects;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, Long> {

    default Project existing(long projectId) {
        return findById(projectId).orElseThrow(() -> new RuleViolation("That project does not exist."));
    }

    /** The project as the user last saw it, or a conflict when someone changed it since. */
    default Project current(long projectId, long expectedVersion) {
        Project project = existing(projectId);
        if (project.getVersion() != expectedVersion) {
            throw stale(project.getTitle());
        }
        return project;
    }

    /** Writes the changes now, so a lost race reaches the user as a conflict. */
    default void flushOrConflict() {
        try {
            flush();
        } catch (OptimisticLockingFailureException e) {
            throw stale("The project");
        }
    }

    private static ConflictException stale(String title) {
        return new ConflictException(title + " was changed by someone else in the meantime. Nothing was saved: "
                + "reload to see their change, then try again.");
    }
}
