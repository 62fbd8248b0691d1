package app.catchball.metrics.spc;

/** Which way a metric should move to count as better. */
public enum ImprovementDirection {
    INCREASE,
    DECREASE,
    NEUTRAL
}
