package app.catchball.planning;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning cycles: create one, make it current, move it through its stages, roll the plan forward
 * into the next. Changes need an Admin or a Lead of the trust.
 */
@Service
@Transactional
public class CycleService {

    private final CycleRepository cycles;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CycleService(CycleRepository cycles, PermissionService permissions, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.cycles = cycles;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Cycles are read as rows, not entities: every X-matrix and Metrics screen lists them and builds its matrix from one. */
    private static final String CYCLE_ROWS = "select id, name, first_month, last_month, stage, is_current, previous_cycle_id, version from cycle";

    private static final RowMapper<CycleSummary> CYCLE = (rs, n) -> new CycleSummary(rs.getLong("id"), rs.getString("name"),
            rs.getObject("first_month", LocalDate.class), rs.getObject("last_month", LocalDate.class),
            CycleStage.valueOf(rs.getString("stage")), rs.getBoolean("is_current"),
            rs.getObject("previous_cycle_id", Long.class), rs.getLong("version"));

    @Transactional(readOnly = true)
    public List<CycleSummary> cycles() {
        permissions.requireUsername();
        return jdbc.sql(CYCLE_ROWS + " order by first_month desc").query(CYCLE).list();
    }

    @Transactional(readOnly = true)
    public CycleSummary get(long cycleId) {
        return jdbc.sql(CYCLE_ROWS + " where id = :id").param("id", cycleId).query(CYCLE).optional()
                .orElseThrow(() -> new RuleViolation("That planning cycle does not exist."));
    }

    @Transactional(readOnly = true)
    public Optional<CycleSummary> current() {
        return jdbc.sql(CYCLE_ROWS + " where is_current").query(CYCLE).optional();
    }

    /** Whether the signed-in user may change cycles: an Admin, or a Lead of a trust (or of the system above it). */
    @Transactional(readOnly = true)
    public boolean mayManageCycles() {
        if (permissions.isAdmin()) {
            return true;
        }
        return jdbc.sql(SqlText.using("select id from {units} where level_code in ('TRUST', 'ICS') and not archived", UnitRelations.UNITS))
                .query(Long.class).list().stream().anyMatch(id -> permissions.may(Action.EDIT_PLAN, id));
    }

    private void checkMayManage() {
        permissions.requireUsername();
        if (!mayManageCycles()) {
            throw new AccessDeniedException("Only an Admin or a Lead of the trust may change planning cycles.");
        }
    }

    public CycleSummary create(String name, LocalDate firstMonth, LocalDate lastMonth) {
        checkMayManage();
        return cycles.saveAndFlush(validated(name, firstMonth, lastMonth, null)).toSummary();
    }

    /**
     * Adds the cycle that came before one which has none, e.g. to record last year's plan and metrics
     * when a trust starts with Catchball part-way: its months must end before the later cycle begins.
     */
    public CycleSummary createBefore(long laterCycleId, String name, LocalDate firstMonth, LocalDate lastMonth) {
        checkMayManage();
        Cycle later = cycles.findById(laterCycleId).orElseThrow(() -> new RuleViolation("That planning cycle does not exist."));
        if (later.getPreviousCycleId() != null) {
            throw new RuleViolation("The cycle " + later.getName() + " already follows another cycle.");
        }
        if (lastMonth != null && !lastMonth.isBefore(later.getFirstMonth())) {
            throw new RuleViolation("The earlier cycle must end before " + later.getName() + " begins.");
        }
        Cycle earlier = cycles.saveAndFlush(validated(name, firstMonth, lastMonth, null));
        later.setPreviousCycleId(earlier.getId());
        cycles.flush();
        return earlier.toSummary();
    }

    public CycleSummary makeCurrent(long cycleId) {
        checkMayManage();
        Cycle cycle = cycles.findById(cycleId).orElseThrow(() -> new RuleViolation("That planning cycle does not exist."));
        if (!cycle.isCurrent()) {
            cycles.clearCurrent();
            cycle = cycles.findById(cycleId).orElseThrow();
            cycle.setCurrent(true);
            cycles.flush();
        }
        return cycle.toSummary();
    }

    public CycleSummary changeStage(long cycleId, CycleStage stage, long expectedVersion) {
        checkMayManage();
        Cycle cycle = cycles.findById(cycleId).orElseThrow(() -> new RuleViolation("That planning cycle does not exist."));
        if (cycle.getVersion() != expectedVersion) {
            throw new ConflictException("The cycle " + cycle.getName() + " was changed by someone else in the meantime. Reload and try again.");
        }
        if (stage == null) {
            throw new RuleViolation("Please choose a stage.");
        }
        cycle.setStage(stage);
        cycles.flush();
        return cycle.toSummary();
    }

    /**
     * Starts the next cycle from this one: the same months a year on, carrying every open (not
     * archived) item, its correlations and its cascade links, each copy linked to where it came from
     * ({@code carried_from_id}). A metric's copy continues the same series (values, history, SPC settings
     * and rebases). True North goals are enduring and need no copy. Then {@link CycleRolledForward} lets
     * each module copy its own rows in the same transaction: catchball the steps of each thread, metrics
     * each metric's bowling rule, roll-up link and commitment. A failed copy rolls everything back.
     */
    public CycleSummary rollForward(long fromCycleId, String newName) {
        checkMayManage();
        Cycle from = cycles.findById(fromCycleId).orElseThrow(() -> new RuleViolation("That planning cycle does not exist."));
        Cycle next = cycles.saveAndFlush(validated(newName, from.getFirstMonth().plusYears(1),
                from.getLastMonth().plusYears(1), from.getId()));
        long to = next.getId();
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title, description, accountable_user_id,
                    true_north_id, unit_of_measure, direction, baseline, target, due_date, owner_user_id, team_name,
                    carried_from_id, updated_at, updated_by, frequency, series_id)
                select :to, unit_id, kind, number, sort_order, title, description, accountable_user_id,
                    true_north_id, unit_of_measure, direction, baseline, target, due_date, owner_user_id, team_name,
                    id, now(), :by, frequency, series_id
                from plan_item where cycle_id = :from and not archived
                """).param("to", to).param("from", fromCycleId).param("by", permissions.requireUsername()).update();
        jdbc.sql("""
                update plan_item n set source_item_id = ns.id
                from plan_item o join plan_item ns on ns.carried_from_id = o.source_item_id and ns.cycle_id = :to
                where n.cycle_id = :to and n.carried_from_id = o.id
                """).param("to", to).update();
        jdbc.sql("""
                insert into correlation (corner, item_a_id, item_b_id, strength)
                select c.corner, na.id, nb.id, c.strength
                from correlation c
                join plan_item na on na.carried_from_id = c.item_a_id and na.cycle_id = :to
                join plan_item nb on nb.carried_from_id = c.item_b_id and nb.cycle_id = :to
                """).param("to", to).update();
        jdbc.sql("""
                insert into cascade_link (source_item_id, parent_unit_id, child_unit_id, cycle_id, initiator, status, title,
                    target, due_date, rationale, resources, rounds, input_item_id, created_at, created_by, agreed_at, updated_at)
                select ns.id, ns.unit_id, l.child_unit_id, :to, l.initiator, l.status, l.title, l.target, l.due_date,
                    l.rationale, l.resources, l.rounds, ni.id, now(), l.created_by, l.agreed_at, now()
                from cascade_link l
                join plan_item ns on ns.carried_from_id = l.source_item_id and ns.cycle_id = :to
                left join plan_item ni on ni.carried_from_id = l.input_item_id and ni.cycle_id = :to
                """).param("to", to).update();
        // Each module copies its own rows of what was carried (catchball the threads' steps, metrics
        // the bowling rules, roll-up links and commitments), in this transaction.
        Map<Long, Long> carried = new HashMap<>();
        jdbc.sql("select carried_from_id, id from plan_item where cycle_id = :to").param("to", to)
                .query(rs -> {
                    carried.put(rs.getLong("carried_from_id"), rs.getLong("id"));
                });
        events.publishEvent(new CycleRolledForward(fromCycleId, to, carried));
        return next.toSummary();
    }

    private Cycle validated(String name, LocalDate firstMonth, LocalDate lastMonth, Long previous) {
        if (name == null || name.isBlank() || name.strip().length() > 40) {
            throw new RuleViolation("Please give the cycle a name of up to 40 characters, e.g. 2026/27.");
        }
        if (firstMonth == null || lastMonth == null) {
            throw new RuleViolation("Please give the cycle's first and last month.");
        }
        if (lastMonth.isBefore(firstMonth)) {
            throw new RuleViolation("The last month comes before the first month.");
        }
        if (firstMonth.plusMonths(24).isBefore(lastMonth)) {
            throw new RuleViolation("A cycle lasts at most two years.");
        }
        if (cycles.existsByNameIgnoreCase(name.strip())) {
            throw new RuleViolation("There is already a cycle called " + name.strip() + ".");
        }
        return new Cycle(name.strip(), firstMonth, lastMonth, previous);
    }
}
