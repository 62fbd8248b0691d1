package app.catchball.planning;

/** The strength of a correlation: ● strong, ○ important, △ weak. In the owners grid: ● leads, ○ contributes. */
public enum Strength {
    STRONG("●", "strong", "leads"),
    MEDIUM("○", "important", "contributes"),
    WEAK("△", "weak", "weak");

    private final String symbol;
    private final String label;
    private final String ownerLabel;

    Strength(String symbol, String label, String ownerLabel) {
        this.symbol = symbol;
        this.label = label;
        this.ownerLabel = ownerLabel;
    }

    public String symbol() {
        return symbol;
    }

    public String label() {
        return label;
    }

    public String ownerLabel() {
        return ownerLabel;
    }

    /** The next strength when a cell is clicked: none → ● → ○ → △ → none (null is none). */
    public static Strength next(Strength current) {
        if (current == null) {
            return STRONG;
        }
        return switch (current) {
            case STRONG -> MEDIUM;
            case MEDIUM -> WEAK;
            case WEAK -> null;
        };
    }
}
