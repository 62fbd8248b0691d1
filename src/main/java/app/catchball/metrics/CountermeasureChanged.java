package app.catchball.metrics;

import app.catchball.base.live.LiveEvent;

/** Published when a countermeasure was recorded or updated; {@code id} is its metric. */
public record CountermeasureChanged(long unitId, Long cycleId, long id, long countermeasureId, String actor, String byName)
        implements LiveEvent {
}
