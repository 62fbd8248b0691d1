package app.catchball.planning;

/**
 * An item in the cascade, as a lazily opened tree shows it: one level at a time, with whether
 * anything is cascaded beneath it.
 */
public record PlanNode(long id, ItemKind kind, int number, String title, long unitId, String unitName,
                       boolean hasChildren) {

    public String code() {
        return kind.letter() + number;
    }

    /** "True North T1 Quality & safety", "P1 Daily discharge huddle": the unit is shown apart. */
    public String label() {
        return (kind == ItemKind.TRUE_NORTH ? "True North " : "") + code() + " " + title;
    }
}
