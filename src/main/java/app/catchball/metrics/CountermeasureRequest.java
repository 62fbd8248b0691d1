package app.catchball.metrics;

/** A metric asking its owner for a countermeasure. */
public record CountermeasureRequest(long metricId, String label, String unitName, String reason) {
}
