package app.catchball.catchball;

import app.catchball.base.live.LiveEvent;

/**
 * Published, next to {@link CatchballMoved}, after a step of a catchball thread was committed, for
 * the open screens of every node: small enough to travel as a notification. {@code unitId} is the
 * parent unit, {@code id} the thread; {@code waitingOnUnitId} is 0 when nobody's turn is next.
 */
public record CatchballThreadChanged(long unitId, Long cycleId, long id, long childUnitId, long waitingOnUnitId, Move move,
                                     String actor, String byName) implements LiveEvent {

    @Override
    public boolean touchesUnit(long unit) {
        return unitId == unit || childUnitId == unit;
    }
}
