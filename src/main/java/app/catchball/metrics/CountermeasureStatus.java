package app.catchball.metrics;

public enum CountermeasureStatus {
    OPEN("Open"), IN_PROGRESS("In progress"), DONE("Done");

    private final String label;

    CountermeasureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
