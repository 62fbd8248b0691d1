package app.catchball.metrics;

/** How a value arrived. */
public enum ValueSource {
    MANUAL, UPLOAD, API
}
