package app.catchball.planning;

/** The sides of the X-matrix, read outwards from the X, plus the owners' columns. */
public enum Side {
    SOUTH("Breakthrough objectives"),
    WEST("Annual objectives"),
    NORTH("Improvement priorities"),
    EAST("Metrics"),
    OWNERS("Owners"),
    NONE("");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name the x-matrix element uses. */
    public String key() {
        return name().toLowerCase();
    }
}
