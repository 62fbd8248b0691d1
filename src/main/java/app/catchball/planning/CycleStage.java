package app.catchball.planning;

/** The stages of a planning cycle, in order. A closed cycle is read-only. */
public enum CycleStage {
    DRAFT("Draft"),
    CATCHBALL("Catchball"),
    DEPLOYED("Deployed"),
    REVIEWED("Reviewed"),
    CLOSED("Closed");

    private final String label;

    CycleStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
