package app.catchball.metrics;

/** Which side of a ratio of sums a contributing metric adds to. */
public enum RatioPart {
    NUMERATOR("numerator"),
    DENOMINATOR("denominator");

    private final String label;

    RatioPart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
