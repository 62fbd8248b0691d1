package app.catchball.planning;

/**
 * One step of a line of sight: the item, the item it was reached from ({@code viaId}, null for
 * the start) and how many steps away it is.
 */
public record TraceNode(long id, Long viaId, int depth, ItemKind kind, int number, String title, long unitId,
                        String unitName) {

    public String code() {
        return kind.letter() + number;
    }

    public String label() {
        return (kind == ItemKind.TRUE_NORTH ? "True North " : "") + code() + " " + title + " — " + unitName;
    }
}
