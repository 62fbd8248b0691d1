package app.catchball.review;

/** Where a decision or action of a review stands: open ones are carried into every later review. */
public enum DecisionStatus {
    OPEN("Open"), DONE("Done"), DROPPED("Dropped");

    private final String label;

    DecisionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
