package app.catchball.organisation;

import app.catchball.base.db.Relation;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.UnitsForSecurity;
import org.springframework.stereotype.Component;

/** Hands security the organisation's published relation of units, for its permission SQL. */
@Component
class UnitsForPermissions implements UnitsForSecurity {

    @Override
    public Relation units() {
        return UnitRelations.UNITS;
    }
}
