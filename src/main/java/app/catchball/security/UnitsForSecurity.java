package app.catchball.security;

import app.catchball.base.db.Relation;

/**
 * The organisation tree as permission checks read it (ancestors of a unit, a unit's name), in the
 * same statement as the grants. Organisation owns the table and depends on security, so it provides
 * its published relation through this rather than security depending back on organisation.
 */
public interface UnitsForSecurity {

    /** The relation {@code {units}}: id, parent_id, name, short_code, level_code, archived. */
    Relation units();
}
