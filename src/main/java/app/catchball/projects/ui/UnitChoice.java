package app.catchball.projects.ui;

import app.catchball.organisation.UnitNode;
import app.catchball.security.Grant;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Optional;

/** Picks the unit a screen shows: the {@code unit} query parameter (code or id), else the user's first unit. */
final class UnitChoice {

    private UnitChoice() {
    }

    static Optional<UnitNode> from(QueryParameters params, List<UnitNode> units, List<Grant> myGrants) {
        return params.getSingleParameter("unit").flatMap(code -> units.stream()
                        .filter(x -> x.shortCode().equalsIgnoreCase(code) || String.valueOf(x.id()).equals(code)).findFirst())
                .or(() -> myGrants.stream().map(Grant::unitId).findFirst()
                        .flatMap(id -> units.stream().filter(x -> x.id() == id).findFirst()))
                .or(() -> units.stream().findFirst());
    }
}
