package app.catchball.catchball;

import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.Party;
import java.util.List;
import java.util.Set;

/**
 * A whole catchball thread: the link (with the proposal under discussion), every step in order,
 * the side the signed-in user plays (null: only watching) and the moves open to them now.
 */
public record ThreadView(CascadeLinkView link, List<StepView> steps, Party myParty, Set<Move> myMoves, Party turn) {

    /** "Waiting on Emergency & Acute Medicine", "Agreed" or "Withdrawn". */
    public String waitingText() {
        if (turn != null) {
            return "Waiting on " + link.unitNameOf(turn);
        }
        return switch (link.status()) {
            case AGREED -> "Agreed";
            case WITHDRAWN -> "Withdrawn";
            default -> "";
        };
    }
}
