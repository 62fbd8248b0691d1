package app.catchball.projects;

import static app.catchball.projects.FreeText.clean;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.ItemKind;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.UserSummary;
import app.catchball.security.sql.UserRelations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who carries the work when people leave or move: the continuity board (projects that need a new
 * lead, X-matrix items whose accountable person left, finished projects that are slipping) and the
 * handover of a project to a new lead. Everyone may read; the unit's Contributors and Leads, or a
 * Coach, hand a project over.
 */
@Service
@Transactional
public class ContinuityService {

    private static final DateTimeFormatter DAY = Formats.DAY;

    private final ProjectService projectService;
    private final ProjectRepository projects;
    private final OrganisationService organisation;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProjectEvents events;

    ContinuityService(ProjectService projectService, ProjectRepository projects, OrganisationService organisation,
                      PermissionService permissions, JdbcClient jdbc, Clock clock, ProjectEvents events) {
        this.events = events;
        this.projectService = projectService;
        this.projects = projects;
        this.organisation = organisation;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the signed-in user may hand the unit's projects over to a new lead. */
    @Transactional(readOnly = true)
    public boolean mayHandOver(long unitId) {
        return permissions.may(Action.EDIT_PROJECTS, unitId) || permissions.may(Action.COACH, unitId);
    }

    /** Of these units, those where the signed-in user may hand projects over: one statement. */
    @Transactional(readOnly = true)
    public Set<Long> unitsWhereMayHandOver(Collection<Long> unitIds) {
        return permissions.unitsWhereAnyAllowed(unitIds, Action.EDIT_PROJECTS, Action.COACH);
    }

    /**
     * Who can take over a project of the unit: active Admins, and active people holding a role on
     * the unit or a unit above it (the rule {@link #handOver} applies), by name. One statement.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> possibleLeads(long unitId) {
        permissions.check(Action.VIEW, unitId);
        return jdbc.sql(ProjectQueries.ancestorsOrSelf(SqlText.using("""
                        select u.id, u.username, u.display_name, u.email, u.admin, u.active from {users} u
                        where u.active and (u.admin or exists (
                            select 1 from {grants} g where g.user_id = u.id and g.unit_id in (select id from up)))
                        order by u.display_name, u.id""", UserRelations.USERS, UserRelations.GRANTS)))
                .param("unit", unitId).query(Rows.of(UserSummary.class)).list();
    }

    /**
     * What needs attention in the unit and below: projects that need a new lead, X-matrix items
     * whose accountable person left or moved, and finished projects that are slipping.
     */
    @Transactional(readOnly = true)
    public ContinuityBoard continuity(long unitId) {
        UnitNode unit = organisation.get(unitId);   // checks that the signed-in user may read the unit
        List<ProjectSummary> all = projectService.projectsAtAndBelow(unitId);
        List<ProjectSummary> orphaned = all.stream().filter(ProjectSummary::needsNewLead).toList();
        Map<Long, String> reasons = whyNoLead(orphaned);
        List<ContinuityBoard.OrphanedProject> needs = orphaned.stream()
                .map(p -> new ContinuityBoard.OrphanedProject(p, reasons.getOrDefault(p.id(), "No lead"))).toList();
        return new ContinuityBoard(unitId, unit.name(), needs, responsibilitiesLeft(unitId),
                all.stream().filter(ProjectSummary::slipping).toList());
    }

    /** Why each of these projects needs a new lead: one statement. */
    private Map<Long, String> whyNoLead(List<ProjectSummary> orphaned) {
        Map<Long, String> reasons = new HashMap<>();
        if (!orphaned.isEmpty()) {
            jdbc.sql(SqlText.using("""
                            select p.id, l.display_name, l.active,
                                   (select max(d.at) from lead_departure d where d.user_id = l.id) as since, u.name
                            from project p join {units} u on u.id = p.unit_id
                            left join {users} l on l.id = p.lead_user_id
                            where p.id in (:ids)
                            """, UnitRelations.UNITS, UserRelations.USERS)).param("ids", orphaned.stream().map(ProjectSummary::id).toList())
                    .query(rs -> {
                        reasons.put(rs.getLong(1), reason(rs.getString(2), rs.getBoolean(3), rs.getTimestamp(4), rs.getString(5)));
                    });
        }
        return reasons;
    }

    /** The X-matrix items of open cycles in the unit and below whose accountable person left or moved. */
    private List<Responsibility> responsibilitiesLeft(long unitId) {
        return jdbc.sql(ProjectQueries.SUBTREE + SqlText.using("""
                        select i.id, i.unit_id, u.name, i.cycle_id, i.kind, i.number, i.title, a.display_name, a.active,
                               (select max(d.at) from lead_departure d where d.user_id = a.id) as since
                        from {plan_items} i
                        join {units} u on u.id = i.unit_id
                        join {cycles} c on c.id = i.cycle_id and c.stage <> 'CLOSED'
                        join {users} a on a.id = i.accountable_user_id
                        where i.unit_id in (select id from sub) and not i.archived
                          and (not a.active or (not a.admin and not exists (
                              with recursive up (id, parent_id) as (
                                  select o.id, o.parent_id from {units} o where o.id = i.unit_id
                                  union all
                                  select o.id, o.parent_id from {units} o join up on o.id = up.parent_id
                              )
                              select 1 from {grants} g where g.user_id = a.id and g.unit_id in (select id from up))))
                        order by u.name, i.kind, i.number
                        """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS, PlanRelations.CYCLES, UserRelations.USERS, UserRelations.GRANTS)).param("unit", unitId)
                .query((rs, n) -> new Responsibility(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        ItemKind.valueOf(rs.getString(5)).letter() + rs.getInt(6), rs.getString(7), rs.getString(8),
                        reason(rs.getString(8), rs.getBoolean(9), rs.getTimestamp(10), rs.getString(3))))
                .list();
    }

    private static String reason(String name, boolean active, Timestamp since, String unitName) {
        if (name == null) {
            return "No lead";
        }
        String when = since == null ? "" : " on " + DAY.format(since.toInstant().atZone(ZoneId.systemDefault()));
        if (!active) {
            return name + " was deactivated" + when;
        }
        return name + " no longer holds a role on " + (unitName == null ? "this unit" : unitName) + " or above"
                + (since == null ? "" : " (since" + when.substring(3) + ")");
    }

    /**
     * Hands the project to a new lead with a note; its history, measures and links stay as they
     * are. The new lead must be active and hold a role on the project's unit or a unit above it.
     */
    public ProjectSummary handOver(long projectId, Long newLeadUserId, String note, long expectedVersion) {
        Project project = projects.current(projectId, expectedVersion);
        if (!mayHandOver(project.getUnitId())) {
            throw new AccessDeniedException("Only a Contributor, Lead or Coach of the project's unit may hand "
                    + project.getTitle() + " over.");
        }
        if (newLeadUserId == null) {
            throw new RuleViolation("Please choose the new lead.");
        }
        String cleanNote = clean(note, 4000, "A handover note");
        if (cleanNote == null) {
            throw new RuleViolation("Please write a handover note for the new lead: where the project is and what comes next.");
        }
        record Candidate(String displayName, boolean active, boolean admin) {
        }
        Candidate lead = jdbc.sql(SqlText.using("select display_name, active, admin from {users} where id = :id", UserRelations.USERS))
                .param("id", newLeadUserId).query(Rows.of(Candidate.class)).optional()
                .orElseThrow(() -> new RuleViolation("That user does not exist."));
        if (!lead.active()) {
            throw new RuleViolation(lead.displayName() + " is deactivated and cannot lead a project.");
        }
        if (!lead.admin() && jdbc.sql(ProjectQueries.ancestorsOrSelf(SqlText.using("""
                        select count(*) from {grants} g where g.user_id = :u and g.unit_id in (select id from up)""", UserRelations.GRANTS)))
                .param("unit", project.getUnitId()).param("u", newLeadUserId).query(Integer.class).single() == 0) {
            throw new RuleViolation(lead.displayName() + " holds no role on " + organisation.get(project.getUnitId()).name()
                    + " or a unit above it; ask an Admin to grant one first.");
        }
        if (newLeadUserId.equals(project.getLeadUserId()) && !projectService.summary(projectId).needsNewLead()) {
            throw new RuleViolation(lead.displayName() + " already leads " + project.getTitle() + ".");
        }
        jdbc.sql("""
                        insert into project_handover (project_id, from_user_id, to_user_id, note, handed_over_by, handed_over_at)
                        values (:p, :from, :to, :note, :by, :at)
                        """).param("p", projectId).param("from", project.getLeadUserId()).param("to", newLeadUserId)
                .param("note", cleanNote).param("by", permissions.requireUsername())
                .param("at", Timestamp.from(clock.instant())).update();
        project.handOverTo(newLeadUserId);
        project.touched(permissions.requireUsername(), clock.instant());
        projects.flushOrConflict();
        return events.changed(projectService.summary(projectId));
    }
}
