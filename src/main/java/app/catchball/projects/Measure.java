package app.catchball.projects;

/** A metric a project is measured by; {@code concernAfterEnd} when SPC shows concern after the project's end. */
public record Measure(long metricId, String label, String unitName, boolean concernAfterEnd) {
}
