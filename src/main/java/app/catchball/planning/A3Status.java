package app.catchball.planning;

/** How an improvement priority is doing, as its A3 says. */
public enum A3Status {
    ON_TRACK("On track"), AT_RISK("At risk"), OFF_TRACK("Off track");

    private final String label;

    A3Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
