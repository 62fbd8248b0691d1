package app.catchball.base;

/** A unit as a picker shows it: its id, short code and full name. */
public record UnitRef(long id, String shortCode, String name) {

    /** "Ward 7 — Respiratory (W7)": the full name with the short code. */
    public String label() {
        return name + " (" + shortCode + ")";
    }
}
