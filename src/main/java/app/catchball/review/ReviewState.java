package app.catchball.review;

/** Where a unit's review of a month stands. */
public enum ReviewState {
    NOT_STARTED("Not started"), DRAFT("Draft"), PUBLISHED("Published");

    private final String label;

    ReviewState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
