package app.catchball.organisation.sql;

import app.catchball.base.db.Relation;

/** What other modules' SQL may read of the organisation tree; write {@code {units}} and {@code {unit_levels}} in SQL text. */
public final class UnitRelations {

    /** Every unit, archived ones too: id, parent_id, name, short_code, level_code, archived. */
    public static final Relation UNITS = new Relation("units",
            "select id, parent_id, name, short_code, level_code, archived from org_unit");

    /** Every unit level (Trust, Division, Ward…): code, name, sort_order. */
    public static final Relation UNIT_LEVELS = new Relation("unit_levels", "select code, name, sort_order from unit_level");

    private UnitRelations() {
    }
}
