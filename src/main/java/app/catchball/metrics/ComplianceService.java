package app.catchball.metrics;

import app.catchball.security.PermissionService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Compliance" for the improvement office (Coaches and Admins, as {@link PermissionService#mayReadCompliance}
 * decides): per unit, the share of values entered by the trust's due date ({@link ValuesDueService}) and of
 * countermeasures done by theirs, this month and over the last 6 months. "This month" is the values due
 * this month (last month's) and the countermeasures due this month. Read a page of units at a time.
 */
@Service
@Transactional(readOnly = true)
public class ComplianceService {

    private final ComplianceQueries queries;
    private final PermissionService permissions;
    private final Clock clock;

    ComplianceService(ComplianceQueries queries, PermissionService permissions, Clock clock) {
        this.queries = queries;
        this.permissions = permissions;
        this.clock = clock;
    }

    public boolean mayReadCompliance() {
        return permissions.mayReadCompliance();
    }

    /** A page of the units at or below the unit that have metrics, in tree order. */
    public List<UnitCompliance> compliance(long unitId, int offset, int limit) {
        permissions.checkCompliance();
        return queries.page(unitId, LocalDate.now(clock), offset, limit);
    }

    /** How many units {@link #compliance} lists. */
    public int complianceCount(long unitId) {
        permissions.checkCompliance();
        return queries.count(unitId, LocalDate.now(clock));
    }
}
