package app.catchball.api;

import app.catchball.base.RuleViolation;
import app.catchball.organisation.OrganisationService;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import org.springframework.stereotype.Component;

/** The ids in an API path or query that must name something: a unit or a cycle, else 404. Shared by the API's controllers. */
@Component
class ApiLookups {

    private final OrganisationService organisation;
    private final CycleService cycles;

    ApiLookups(OrganisationService organisation, CycleService cycles) {
        this.organisation = organisation;
        this.cycles = cycles;
    }

    /** The unit's id, when it exists and the caller may see it. */
    long unit(long id) {
        try {
            return organisation.get(id).id();
        } catch (RuleViolation e) {
            throw new NotFound("There is no unit " + id + ".");
        }
    }

    /** The cycle, or the current one when {@code id} is null. */
    CycleSummary cycle(Long id) {
        if (id == null) {
            return cycles.current().orElseThrow(() -> new NotFound("There is no current planning cycle."));
        }
        try {
            return cycles.get(id);
        } catch (RuleViolation e) {
            throw new NotFound("There is no planning cycle " + id + ".");
        }
    }
}
