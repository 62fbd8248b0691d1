package app.catchball.planning;

import java.time.Instant;
import java.time.LocalDate;

/** A cascade link (a catchball thread) as the screens and the catchball feature see it. */
public record CascadeLinkView(long id, Long sourceItemId, String sourceCode, long parentUnitId, String parentUnitName,
                              long childUnitId, String childUnitName, long cycleId, String cycleName, Party initiator,
                              CascadeStatus status, String title, String target, LocalDate dueDate,
                              String rationale, String resources, Long inputItemId, int rounds, Instant agreedAt,
                              Instant createdAt, Instant updatedAt, long version) {

    public Proposal proposal() {
        return new Proposal(title, target, dueDate, rationale, resources);
    }

    public long unitOf(Party party) {
        return party == Party.PARENT ? parentUnitId : childUnitId;
    }

    public String unitNameOf(Party party) {
        return party == Party.PARENT ? parentUnitName : childUnitName;
    }
}
