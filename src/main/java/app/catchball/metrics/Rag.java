package app.catchball.metrics;

/**
 * A bowling chart cell: green meets the target, amber misses it within the metric's tolerance, red
 * misses it by more, grey has no data (or no target or direction).
 */
public enum Rag {
    GREEN, AMBER, RED, GREY;

    /** The letter shown with the colour, so colour is never the only sign: "G", "A", "R"; grey has none. */
    public String letter() {
        return switch (this) {
            case GREEN -> "G";
            case AMBER -> "A";
            case RED -> "R";
            case GREY -> "";
        };
    }
}
