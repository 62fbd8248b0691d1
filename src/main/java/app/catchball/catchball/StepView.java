package app.catchball.catchball;

import app.catchball.planning.CascadeStatus;
import app.catchball.planning.Party;
import app.catchball.planning.Proposal;
import java.time.Instant;
import java.util.List;

/** A step of a thread as shown in the conversation, with what changed from the previous proposal. */
public record StepView(int seq, Move move, Party party, String unitName, String actorName, Instant at, String message,
                       Proposal proposal, CascadeStatus stateAfter, List<String> changes) {
}
