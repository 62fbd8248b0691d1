package app.catchball.planning;

import app.catchball.base.live.LiveEvent;

/**
 * Published after a unit's X-matrix changed (an item, its order, a correlation, a deployed or agreed
 * input), so that open screens refresh. {@code id} is the changed item; {@code cycleId} is null for
 * True North goals, which belong to no cycle.
 */
public record PlanChanged(long unitId, Long cycleId, long id, String actor, String byName) implements LiveEvent {
}
