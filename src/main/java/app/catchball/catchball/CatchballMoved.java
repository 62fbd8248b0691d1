package app.catchball.catchball;

import app.catchball.planning.CascadeStatus;
import app.catchball.planning.Party;

/** Published after a step of a catchball thread was committed. {@code waitingOn} is null when nobody's turn is next. */
public record CatchballMoved(long linkId, long parentUnitId, long childUnitId, Move move, String actor, String actorName, String title,
                             CascadeStatus state, Party waitingOn, long waitingOnUnitId, String waitingOnUnitName) {

    public String summary() {
        return actorName + " " + move.pastTense() + " “" + title + "”";
    }
}
