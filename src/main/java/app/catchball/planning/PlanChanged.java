package app.catchball.planning;

/** Published after a unit's X-matrix changed, so that open screens can refresh. */
public record PlanChanged(long unitId, Long cycleId) {
}
