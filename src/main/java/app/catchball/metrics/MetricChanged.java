package app.catchball.metrics;

import app.catchball.base.live.LiveEvent;

/** Published when a metric's values or chart settings changed ({@code id} is the metric), so open screens refresh. */
public record MetricChanged(long unitId, Long cycleId, long id, String actor, String byName) implements LiveEvent {
}
