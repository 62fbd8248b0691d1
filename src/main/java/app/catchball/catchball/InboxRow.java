package app.catchball.catchball;

import app.catchball.planning.CascadeStatus;
import app.catchball.planning.Party;
import java.time.Instant;

/** A thread in someone's inbox. */
public record InboxRow(long linkId, String title, String target, long parentUnitId, String parentUnitName,
                       long childUnitId, String childUnitName, long cycleId, Party initiator, CascadeStatus status,
                       int rounds, Instant updatedAt, Bucket bucket, String waitingOn) {

    /** Where a thread sits for the user. */
    public enum Bucket {
        WAITING_ON_ME("Waiting on me"), WAITING_ON_THEM("Waiting on them"), AGREED("Agreed"), CLOSED("Closed");

        private final String label;

        Bucket(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String between() {
        return initiator == Party.PARENT ? parentUnitName + " → " + childUnitName : childUnitName + " → " + parentUnitName;
    }
}
