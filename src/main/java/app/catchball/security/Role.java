package app.catchball.security;

/** A role a user holds on an organisation unit; it applies to that unit and every unit below it. */
public enum Role {
    VIEWER("Viewer"),
    CONTRIBUTOR("Contributor"),
    LEAD("Lead"),
    COACH("Coach");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
