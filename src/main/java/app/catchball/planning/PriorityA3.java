package app.catchball.planning;

import java.time.Instant;
import java.util.List;

/**
 * The A3 of an improvement priority (the tactical A3 of Jackson's hoshin kanri). {@code version}
 * is 0 and {@code status} null while the priority has no A3 yet.
 */
public record PriorityA3(long priorityId, long unitId, String priorityCode, String priorityTitle, String background,
                         String currentCondition, String targetCondition, String rootCause, A3Status status,
                         int percentComplete, List<A3Action> actions, Instant updatedAt, String updatedBy, long version) {

    public PriorityA3 {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public boolean exists() {
        return status != null;
    }
}
