package app.catchball.planning;

/** Which way a metric improves. */
public enum Direction {
    UP("Higher is better"),
    DOWN("Lower is better"),
    NEUTRAL("Neither");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
