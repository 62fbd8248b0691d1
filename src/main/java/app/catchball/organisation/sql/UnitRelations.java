package app.catchball.organisation.sql;

import app.catchball.base.db.Relation;

/** What other modules' SQL may read of the organisation tree; write it {@code {units}} in SQL text. */
public final class UnitRelations {

    /** Every unit, archived ones too: id, parent_id, name, short_code, level_code, archived. */
    public static final Relation UNITS = new Relation("units",
            "select id, parent_id, name, short_code, level_code, archived from org_unit");

    private UnitRelations() {
    }
}
