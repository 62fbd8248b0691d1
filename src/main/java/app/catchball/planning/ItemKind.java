package app.catchball.planning;

/** What a plan item is, and the side of the X-matrix it sits on. */
public enum ItemKind {
    TRUE_NORTH("True North goal", Side.NONE, "T"),
    BREAKTHROUGH("Breakthrough objective", Side.SOUTH, "B"),
    /** An item cascaded from the parent unit; its wording belongs to the parent and the agreement. */
    INPUT("Cascaded input", Side.SOUTH, "B"),
    ANNUAL("Annual objective", Side.WEST, "A"),
    PRIORITY("Improvement priority", Side.NORTH, "P"),
    METRIC("Metric", Side.EAST, "M"),
    OWNER("Owner", Side.OWNERS, "O");

    private final String label;
    private final Side side;
    private final String letter;

    ItemKind(String label, Side side, String letter) {
        this.label = label;
        this.side = side;
        this.letter = letter;
    }

    public String label() {
        return label;
    }

    public Side side() {
        return side;
    }

    public String letter() {
        return letter;
    }
}
