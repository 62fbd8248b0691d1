package app.catchball.planning;

import java.util.Collection;

/** A priority of a unit's X-matrix with its A3 status, or none while it has no A3. */
public record PriorityStatus(long priorityId, String code, String title, A3Status status, Integer percentComplete) {

    /** "3 of 5 priorities on track". */
    public static String rollUp(Collection<PriorityStatus> priorities) {
        return rollUp(priorities.stream().filter(p -> p.status() == A3Status.ON_TRACK).count(), priorities.size());
    }

    /** "3 of 5 priorities on track". */
    public static String rollUp(long onTrack, int total) {
        return onTrack + " of " + total + (total == 1 ? " priority" : " priorities") + " on track";
    }
}
