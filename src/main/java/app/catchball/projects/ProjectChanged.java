package app.catchball.projects;

import app.catchball.base.live.LiveEvent;

/**
 * Published when a project changed: created, edited, approved, linked, measured, a PDSA cycle
 * logged, proposed upwards or handed over. {@code id} is the project; projects belong to no cycle.
 */
public record ProjectChanged(long unitId, Long cycleId, long id, String actor, String byName) implements LiveEvent {
}
