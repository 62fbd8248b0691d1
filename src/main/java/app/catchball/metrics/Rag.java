package app.catchball.metrics;

/** A bowling chart cell: green meets the target, red does not, grey has no data (or no target or direction). */
public enum Rag {
    GREEN, RED, GREY
}
