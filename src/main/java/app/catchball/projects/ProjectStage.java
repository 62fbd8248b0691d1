package app.catchball.projects;

/** Where a local improvement project is in its life. */
public enum ProjectStage {
    IDEA("Idea"),
    SCOPING("Scoping"),
    TESTING("Testing changes"),
    IMPLEMENTING("Implementing"),
    SUSTAINING("Sustaining"),
    CLOSED("Closed");

    private final String label;

    ProjectStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Finished projects whose measures are watched for slipping back. */
    public boolean finished() {
        return this == SUSTAINING || this == CLOSED;
    }
}
