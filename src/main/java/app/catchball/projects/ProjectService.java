package app.catchball.projects;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.catchball.CatchballService;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricSpc;
import app.catchball.metrics.MetricsService;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Proposal;
import app.catchball.planning.Side;
import app.catchball.planning.XMatrix;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local improvement projects: what each unit is working on, how it lines up with the plan, and
 * who carries it. Everyone may read; Contributors and Leads of the unit (or above) create and
 * update projects and keep their PDSA log; Leads link them to the plan, approve them and propose
 * them upwards; a handover (by the unit's Contributors or Leads, or a Coach) changes the lead.
 */
@Service
@Transactional
public class ProjectService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    private static final String SUMMARY = """
            select p.id, p.unit_id, u.name as unit_name, p.title, p.aim, p.stage, p.lead_user_id,
                   l.display_name as lead_name, p.team, p.start_date, p.end_date, p.approved_at is not null as approved,
                   (p.stage <> 'CLOSED' and (p.lead_user_id is null or not l.active or (not l.admin and not exists (
                        with recursive up (id, parent_id) as (
                            select o.id, o.parent_id from org_unit o where o.id = p.unit_id
                            union all
                            select o.id, o.parent_id from org_unit o join up on o.id = up.parent_id
                        )
                        select 1 from role_grant g where g.user_id = p.lead_user_id and g.unit_id in (select id from up)
                   )))) as needs_new_lead,
                   false as aligned, false as slipping, p.version
            from project p
            join org_unit u on u.id = p.unit_id
            left join app_user l on l.id = p.lead_user_id
            """;

    private static final String SUBTREE = """
            with recursive sub (id) as (
                select cast(:unit as bigint)
                union all
                select c.id from org_unit c join sub on c.parent_id = sub.id
            )
            """;

    /**
     * Every plan item reachable upwards (towards True North) from the items linked to the given
     * projects: the same edges as the X-matrix's line of sight, walked for many start points at once.
     */
    private static final String REACH = reach("""
            select pi.project_id, pi.item_id from project_item pi
            join plan_item s on s.id = pi.item_id and not s.archived
            where pi.project_id in (:ids)""");

    /** The same walk from plan items themselves (the "project" is the start item). */
    private static final String ITEM_REACH = reach("select s.id, s.id from plan_item s where s.id in (:ids) and not s.archived");

    /**
     * Every plan item reachable upwards (towards True North) from the start rows: the same edges as
     * the X-matrix's line of sight, walked for many start points at once in one statement.
     */
    private static String reach(String start) {
        return "with recursive up (project_id, id) as (\n" + start + """

                union
                select up.project_id, e.parent_id
                from up
                cross join lateral (
                    select c.item_a_id as parent_id from correlation c
                        where c.item_b_id = up.id and c.corner in ('SW', 'NW', 'NE', 'OWNERS')
                    union all
                    select c.item_b_id from correlation c where c.item_a_id = up.id and c.corner = 'SE'
                    union all
                    select i.source_item_id from plan_item i where i.id = up.id and i.source_item_id is not null
                    union all
                    select i.true_north_id from plan_item i where i.id = up.id and i.true_north_id is not null
                ) e
                join plan_item p on p.id = e.parent_id and not p.archived
            )
            select up.project_id, up.id as item_id, i.kind from up join plan_item i on i.id = up.id
            """;
    }

    /**
     * The projects in scope ({@code scope}), the items they are linked to ({@code starts}) and of
     * those the ones that trace to True North ({@code aligned}), in two walks over distinct items:
     * up from the linked items, then down from the True North goals reached, within what was
     * reached. It costs the number of items on the way, not projects times paths.
     */
    private static final String ALIGNED_SCOPE = """
            with recursive sub (id) as (
                select cast(:unit as bigint)
                union all
                select c.id from org_unit c join sub on c.parent_id = sub.id and :below
            ),
            scope (id) as (select p.id from project p where p.unit_id in (select id from sub)),
            starts (id) as (
                select distinct pi.item_id from project_item pi join plan_item s on s.id = pi.item_id and not s.archived
                where pi.project_id in (select id from scope)
            ),
            up (id) as (
                select id from starts
                union
                select e.parent_id from up
                cross join lateral (
                    select c.item_a_id as parent_id from correlation c
                        where c.item_b_id = up.id and c.corner in ('SW', 'NW', 'NE', 'OWNERS')
                    union all
                    select c.item_b_id from correlation c where c.item_a_id = up.id and c.corner = 'SE'
                    union all
                    select i.source_item_id from plan_item i where i.id = up.id and i.source_item_id is not null
                    union all
                    select i.true_north_id from plan_item i where i.id = up.id and i.true_north_id is not null
                ) e
                join plan_item p on p.id = e.parent_id and not p.archived
            ),
            down (id) as (
                select up.id from up join plan_item t on t.id = up.id where t.kind = 'TRUE_NORTH'
                union
                select e.item_id from down
                cross join lateral (
                    select c.item_b_id as item_id from correlation c
                        where c.item_a_id = down.id and c.corner in ('SW', 'NW', 'NE', 'OWNERS')
                    union all
                    select c.item_a_id from correlation c where c.item_b_id = down.id and c.corner = 'SE'
                    union all
                    select i.id from plan_item i where i.source_item_id = down.id
                    union all
                    select i.id from plan_item i where i.true_north_id = down.id
                ) e
                where e.item_id in (select id from up)
            ),
            aligned (id) as (select starts.id from starts join down on down.id = starts.id)
            """;

    /** {@link #SUMMARY} with the aligned flag from {@link #ALIGNED_SCOPE}. */
    private static final String SUMMARY_ALIGNED = ALIGNED_SCOPE + SUMMARY.replace("false as aligned",
            "exists (select 1 from project_item pa where pa.project_id = p.id and pa.item_id in (select id from aligned)) as aligned")
            + " where p.id in (select id from scope)";

    private final ProjectRepository projects;
    private final PlanningService planning;
    private final CycleService cycles;
    private final OrganisationService organisation;
    private final MetricsService metrics;
    private final CatchballService catchball;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProjectService(ProjectRepository projects, PlanningService planning, CycleService cycles,
                   OrganisationService organisation, MetricsService metrics, CatchballService catchball,
                   PermissionService permissions, JdbcClient jdbc, Clock clock) {
        this.projects = projects;
        this.planning = planning;
        this.cycles = cycles;
        this.organisation = organisation;
        this.metrics = metrics;
        this.catchball = catchball;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    /** The projects of a unit, or of the unit and every unit below it, newest first within each unit. */
    @Transactional(readOnly = true)
    public List<ProjectSummary> projectsOf(long unitId, boolean includeBelow) {
        permissions.check(Action.VIEW, unitId);
        List<ProjectSummary> list = includeBelow
                ? jdbc.sql(SUBTREE + SUMMARY + " where p.unit_id in (select id from sub) order by u.name, p.id")
                        .param("unit", unitId).query(Rows.of(ProjectSummary.class)).list()
                : jdbc.sql(SUMMARY + " where p.unit_id = :unit order by p.id").param("unit", unitId)
                        .query(Rows.of(ProjectSummary.class)).list();
        return enrich(list);
    }

    /**
     * A page of the projects of a unit (and the units below it), ordered by unit and age; the
     * aligned flag and the sustain check are worked out for the page only.
     *
     * @param unalignedOnly only projects with no link that traces to True North (the "thousand flowers")
     */
    @Transactional(readOnly = true)
    public List<ProjectSummary> projectsOf(long unitId, boolean includeBelow, boolean unalignedOnly, int offset, int limit) {
        permissions.check(Action.VIEW, unitId);
        List<ProjectSummary> page = jdbc.sql(SUMMARY_ALIGNED + (unalignedOnly
                        ? " and not exists (select 1 from project_item pa where pa.project_id = p.id and pa.item_id in (select id from aligned))"
                        : "") + " order by u.name, p.id offset :offset limit :limit")
                .param("unit", unitId).param("below", includeBelow).param("offset", Math.max(0, offset))
                .param("limit", Math.clamp(limit, 0, 500)).query(Rows.of(ProjectSummary.class)).list();
        return withSustainCheck(page);
    }

    /** How many projects {@link #projectsOf(long, boolean, boolean, int, int)} pages through. */
    @Transactional(readOnly = true)
    public int countProjects(long unitId, boolean includeBelow, boolean unalignedOnly) {
        permissions.check(Action.VIEW, unitId);
        if (!unalignedOnly) {
            return jdbc.sql(SUBTREE.replace("join sub on c.parent_id = sub.id", "join sub on c.parent_id = sub.id and :below")
                            + " select count(*) from project p where p.unit_id in (select id from sub)")
                    .param("unit", unitId).param("below", includeBelow).query(Integer.class).single();
        }
        return jdbc.sql(ALIGNED_SCOPE + """
                        select count(*) from scope s where not exists (
                            select 1 from project_item pa where pa.project_id = s.id and pa.item_id in (select id from aligned))""")
                .param("unit", unitId).param("below", includeBelow).query(Integer.class).single();
    }

    /** Of these units, those where the signed-in user may link, approve and propose projects: one statement. */
    @Transactional(readOnly = true)
    public Set<Long> unitsWhereMayLink(Collection<Long> unitIds) {
        return permissions.unitsWhereAllowed(Action.EDIT_PLAN, unitIds);
    }

    /** Of these units, those where the signed-in user may hand projects over: two statements. */
    @Transactional(readOnly = true)
    public Set<Long> unitsWhereMayHandOver(Collection<Long> unitIds) {
        Set<Long> result = new HashSet<>(permissions.unitsWhereAllowed(Action.EDIT_PROJECTS, unitIds));
        result.addAll(permissions.unitsWhereAllowed(Action.COACH, unitIds));
        return result;
    }

    /** Projects led by any of these users, anywhere: the capability screens count them. */
    @Transactional(readOnly = true)
    public List<ProjectSummary> projectsLedBy(Collection<Long> userIds) {
        permissions.checkView();
        if (userIds.isEmpty()) {
            return List.of();
        }
        return enrich(jdbc.sql(SUMMARY + " where p.lead_user_id in (:users) order by p.id").param("users", userIds)
                .query(Rows.of(ProjectSummary.class)).list());
    }

    @Transactional(readOnly = true)
    public ProjectSummary summary(long projectId) {
        ProjectSummary project = jdbc.sql(SUMMARY + " where p.id = :id").param("id", projectId)
                .query(Rows.of(ProjectSummary.class)).optional()
                .orElseThrow(() -> new RuleViolation("That project does not exist."));
        permissions.check(Action.VIEW, project.unitId());
        return enrich(List.of(project)).getFirst();
    }

    @Transactional(readOnly = true)
    public ProjectDetail project(long projectId) {
        ProjectSummary project = summary(projectId);
        Set<Long> aligned = alignedItems(jdbc.sql("select item_id from project_item where project_id = :p")
                .param("p", projectId).query(Long.class).list());
        List<LinkedItem> links = jdbc.sql("""
                        select i.id, i.kind, i.number, i.title, i.unit_id, u.name
                        from project_item pi join plan_item i on i.id = pi.item_id join org_unit u on u.id = i.unit_id
                        where pi.project_id = :p order by pi.linked_at, i.id
                        """).param("p", projectId)
                .query((rs, n) -> linked(rs.getLong(1), ItemKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), aligned.contains(rs.getLong(1))))
                .list();
        Map<Long, MetricSpc> spcCache = new HashMap<>();
        List<Measure> measures = jdbc.sql("""
                        select m.id, 'M' || m.number || ' ' || m.title, u.name
                        from project_measure pm join plan_item m on m.id = pm.metric_id join org_unit u on u.id = m.unit_id
                        where pm.project_id = :p order by u.name, m.number
                        """).param("p", projectId)
                .query((rs, n) -> new Measure(rs.getLong(1), rs.getString(2), rs.getString(3), false)).list()
                .stream()
                .map(m -> new Measure(m.metricId(), m.label(), m.unitName(), project.stage().finished()
                        && project.endDate() != null && concernAfter(spcCache, m.metricId(), project.endDate())))
                .toList();
        List<PdsaCycle> pdsa = jdbc.sql("""
                        select id, cycle_date, plan_text as plan, do_text, study_text as study, act_text as act,
                               recorded_by, recorded_at
                        from pdsa_cycle where project_id = :p order by cycle_date, id
                        """).param("p", projectId).query(Rows.of(PdsaCycle.class)).list();
        List<Handover> handovers = jdbc.sql("""
                        select h.id, f.display_name as from_name, t.display_name as to_name, h.note, h.handed_over_by,
                               h.handed_over_at
                        from project_handover h left join app_user f on f.id = h.from_user_id
                        join app_user t on t.id = h.to_user_id
                        where h.project_id = :p order by h.handed_over_at, h.id
                        """).param("p", projectId).query(Rows.of(Handover.class)).list();
        Project entity = projects.findById(projectId).orElseThrow();
        String approvedBy = entity.isApproved() ? jdbc.sql("""
                        select coalesce((select display_name from app_user where lower(username) = lower(p.approved_by)),
                                        p.approved_by)
                        from project p where p.id = :p""").param("p", projectId).query(String.class).single() : null;
        return new ProjectDetail(project, links, measures, pdsa, handovers, approvedBy, entity.getProposedLinkId(),
                permissions.may(Action.EDIT_PROJECTS, project.unitId()), permissions.may(Action.EDIT_PLAN, project.unitId()));
    }

    /** Whether the signed-in user may create and update projects on the unit. */
    @Transactional(readOnly = true)
    public boolean mayEdit(long unitId) {
        return permissions.may(Action.EDIT_PROJECTS, unitId);
    }

    /** Whether the signed-in user may link, approve and propose the unit's projects (a Lead). */
    @Transactional(readOnly = true)
    public boolean mayLink(long unitId) {
        return permissions.may(Action.EDIT_PLAN, unitId);
    }

    /** Whether the signed-in user may hand the unit's projects over to a new lead. */
    @Transactional(readOnly = true)
    public boolean mayHandOver(long unitId) {
        return permissions.may(Action.EDIT_PROJECTS, unitId) || permissions.may(Action.COACH, unitId);
    }

    /**
     * The priorities and annual objectives a project of the unit can serve: those on the unit's
     * X-matrix and its ancestors' in the current cycle, nearest unit first.
     */
    @Transactional(readOnly = true)
    public List<LinkedItem> linkableItems(long unitId) {
        CycleSummary cycle = currentCycle();
        List<ItemView> items = new ArrayList<>();
        List<Long> units = new ArrayList<>();
        units.add(unitId);
        organisation.ancestors(unitId).reversed().forEach(u -> units.add(u.id()));
        Map<Long, String> unitNames = new HashMap<>();
        for (long u : units) {
            XMatrix matrix = planning.matrix(u, cycle.id());
            unitNames.put(u, matrix.unit().name());
            items.addAll(matrix.side(Side.NORTH));
            items.addAll(matrix.side(Side.WEST));
        }
        Set<Long> aligned = alignedItems(items.stream().map(ItemView::id).toList());
        return items.stream().map(i -> linked(i.id(), i.kind(), i.number(), i.title(), i.unitId(),
                unitNames.get(i.unitId()), aligned.contains(i.id()))).toList();
    }

    /** The metrics a project of the unit can be measured by: the unit's and its ancestors', current cycle. */
    @Transactional(readOnly = true)
    public List<MetricInfo> measurableMetrics(long unitId) {
        CycleSummary cycle = currentCycle();
        List<MetricInfo> result = new ArrayList<>(metrics.metricsOf(unitId, cycle.id()));
        for (UnitNode u : organisation.ancestors(unitId).reversed()) {
            result.addAll(metrics.metricsOf(u.id(), cycle.id()));
        }
        return result;
    }

    /**
     * Alignment of the unit's projects and those below it (the "thousand flowers" view): per unit
     * with projects the count and the number aligned (one statement), and the priorities in scope
     * with the projects that serve them. The unaligned projects themselves are paged with
     * {@link #projectsOf(long, boolean, boolean, int, int)}.
     */
    @Transactional(readOnly = true)
    public AlignmentReport alignment(long unitId) {
        List<UnitNode> subtree = organisation.subtree(unitId);
        UnitNode root = subtree.getFirst();
        Map<Long, Long> parentOf = new HashMap<>();
        subtree.forEach(u -> parentOf.put(u.id(), u.parentId()));
        Map<Long, int[]> counts = new HashMap<>();
        jdbc.sql(ALIGNED_SCOPE + """
                        select p.unit_id, count(*), count(*) filter (where exists (
                            select 1 from project_item pa where pa.project_id = p.id and pa.item_id in (select id from aligned)))
                        from project p where p.id in (select id from scope) group by p.unit_id
                        """)
                .param("unit", unitId).param("below", true)
                .query(rs -> {
                    Long u = rs.getLong(1);
                    int projectsHere = rs.getInt(2);
                    int alignedHere = rs.getInt(3);
                    while (u != null && parentOf.containsKey(u)) {
                        int[] c = counts.computeIfAbsent(u, k -> new int[2]);
                        c[0] += projectsHere;
                        c[1] += alignedHere;
                        u = u == unitId ? null : parentOf.get(u);
                    }
                });
        List<AlignmentReport.UnitRow> rows = subtree.stream()
                .filter(u -> u.id() == unitId || counts.containsKey(u.id()))
                .map(u -> {
                    int[] c = counts.getOrDefault(u.id(), new int[2]);
                    return new AlignmentReport.UnitRow(u.id(), u.name(), u.depth(), c[0], c[1]);
                }).toList();
        List<Long> all = jdbc.sql(SUBTREE + " select p.id from project p where p.unit_id in (select id from sub)")
                .param("unit", unitId).query(Long.class).list();

        CycleSummary cycle = currentCycle();
        record Priority(long id, int number, String title, String unitName) {
        }
        String priorities = """
                select i.id, i.number, i.title, u.name as unit_name
                from plan_item i join org_unit u on u.id = i.unit_id
                where i.kind = 'PRIORITY' and not i.archived and i.cycle_id = :cycle and i.unit_id in (%s)
                order by u.name, i.sort_order, i.number
                """;
        List<Priority> scope = jdbc.sql(SUBTREE + priorities.formatted("select id from sub"))
                .param("unit", unitId).param("cycle", cycle.id()).query(Rows.of(Priority.class)).list();
        if (scope.isEmpty()) {
            for (UnitNode ancestor : organisation.ancestors(unitId).reversed()) {
                scope = jdbc.sql(priorities.formatted(":unit")).param("unit", ancestor.id()).param("cycle", cycle.id())
                        .query(Rows.of(Priority.class)).list();
                if (!scope.isEmpty()) {
                    break;
                }
            }
        }
        Map<Long, Set<Long>> reached = reachedBy(all);
        List<AlignmentReport.PriorityRow> priorityRows = scope.stream()
                .map(p -> new AlignmentReport.PriorityRow(p.id(), ItemKind.PRIORITY.letter() + p.number(), p.title(),
                        p.unitName(), reached.getOrDefault(p.id(), Set.of()).size()))
                .toList();
        return new AlignmentReport(unitId, root.name(), rows, priorityRows);
    }

    /**
     * What needs attention in the unit and below: projects that need a new lead, X-matrix items
     * whose accountable person left or moved, and finished projects that are slipping.
     */
    @Transactional(readOnly = true)
    public ContinuityBoard continuity(long unitId) {
        UnitNode unit = organisation.get(unitId);
        List<ProjectSummary> all = projectsOf(unitId, true);
        List<ProjectSummary> orphaned = all.stream().filter(ProjectSummary::needsNewLead).toList();
        Map<Long, String> reasons = new HashMap<>();
        if (!orphaned.isEmpty()) {
            jdbc.sql("""
                            select p.id, l.display_name, l.active,
                                   (select max(d.at) from lead_departure d where d.user_id = l.id) as since, u.name
                            from project p join org_unit u on u.id = p.unit_id
                            left join app_user l on l.id = p.lead_user_id
                            where p.id in (:ids)
                            """).param("ids", orphaned.stream().map(ProjectSummary::id).toList())
                    .query(rs -> {
                        reasons.put(rs.getLong(1), reason(rs.getString(2), rs.getBoolean(3), rs.getTimestamp(4), rs.getString(5)));
                    });
        }
        List<ContinuityBoard.OrphanedProject> needs = orphaned.stream()
                .map(p -> new ContinuityBoard.OrphanedProject(p, reasons.getOrDefault(p.id(), "No lead"))).toList();
        List<Responsibility> responsibilities = jdbc.sql(SUBTREE + """
                        select i.id, i.unit_id, u.name, i.cycle_id, i.kind, i.number, i.title, a.display_name, a.active,
                               (select max(d.at) from lead_departure d where d.user_id = a.id) as since
                        from plan_item i
                        join org_unit u on u.id = i.unit_id
                        join cycle c on c.id = i.cycle_id and c.stage <> 'CLOSED'
                        join app_user a on a.id = i.accountable_user_id
                        where i.unit_id in (select id from sub) and not i.archived
                          and (not a.active or (not a.admin and not exists (
                              with recursive up (id, parent_id) as (
                                  select o.id, o.parent_id from org_unit o where o.id = i.unit_id
                                  union all
                                  select o.id, o.parent_id from org_unit o join up on o.id = up.parent_id
                              )
                              select 1 from role_grant g where g.user_id = a.id and g.unit_id in (select id from up))))
                        order by u.name, i.kind, i.number
                        """).param("unit", unitId)
                .query((rs, n) -> new Responsibility(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        ItemKind.valueOf(rs.getString(5)).letter() + rs.getInt(6), rs.getString(7), rs.getString(8),
                        reason(rs.getString(8), rs.getBoolean(9), rs.getTimestamp(10), rs.getString(3))))
                .list();
        return new ContinuityBoard(unitId, unit.name(), needs, responsibilities,
                all.stream().filter(ProjectSummary::slipping).toList());
    }

    private String reason(String name, boolean active, Timestamp since, String unitName) {
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

    // ---------------------------------------------------------------- writing

    public ProjectSummary create(long unitId, ProjectDraft draft) {
        permissions.check(Action.EDIT_PROJECTS, unitId);
        UnitNode unit = organisation.get(unitId);
        if (unit.archived()) {
            throw new RuleViolation(unit.name() + " is archived: projects cannot be added to it.");
        }
        ProjectDraft clean = validate(draft, unitId);
        Project project = new Project(unitId, permissions.requireUsername(), clock.instant());
        project.apply(clean);
        return summary(projects.saveAndFlush(project).getId());
    }

    public ProjectSummary update(long projectId, ProjectDraft draft, long expectedVersion) {
        Project project = current(projectId, expectedVersion);
        permissions.check(Action.EDIT_PROJECTS, project.getUnitId());
        ProjectDraft clean = validate(draft, project.getUnitId());
        if (project.getLeadUserId() != null && !project.getLeadUserId().equals(clean.leadUserId())) {
            throw new RuleViolation("Use \"Hand over\" to change the lead of " + project.getTitle()
                    + ": the handover note keeps the story for the new lead.");
        }
        project.apply(clean);
        project.touched(permissions.requireUsername(), clock.instant());
        flush();
        return summary(projectId);
    }

    /** A Lead approves the project as part of the unit's work. */
    public ProjectSummary approve(long projectId, long expectedVersion) {
        Project project = current(projectId, expectedVersion);
        permissions.check(Action.EDIT_PLAN, project.getUnitId());
        if (project.isApproved()) {
            throw new RuleViolation(project.getTitle() + " is already approved.");
        }
        project.approve(permissions.requireUsername(), clock.instant());
        project.touched(permissions.requireUsername(), clock.instant());
        flush();
        return summary(projectId);
    }

    /** A Lead links the project to a priority or annual objective of its unit or a unit above. */
    public ProjectSummary link(long projectId, long itemId) {
        Project project = existing(projectId);
        permissions.check(Action.EDIT_PLAN, project.getUnitId());
        requireLinkable(project.getUnitId(), itemId);
        if (jdbc.sql("select count(*) from project_item where project_id = :p and item_id = :i").param("p", projectId)
                .param("i", itemId).query(Integer.class).single() > 0) {
            throw new RuleViolation(project.getTitle() + " is already linked to that item.");
        }
        jdbc.sql("insert into project_item (project_id, item_id, linked_by, linked_at) values (:p, :i, :u, :at)")
                .param("p", projectId).param("i", itemId).param("u", permissions.requireUsername())
                .param("at", Timestamp.from(clock.instant())).update();
        return summary(projectId);
    }

    public ProjectSummary unlink(long projectId, long itemId) {
        Project project = existing(projectId);
        permissions.check(Action.EDIT_PLAN, project.getUnitId());
        jdbc.sql("delete from project_item where project_id = :p and item_id = :i").param("p", projectId)
                .param("i", itemId).update();
        return summary(projectId);
    }

    public ProjectSummary addMeasure(long projectId, long metricId) {
        Project project = existing(projectId);
        permissions.check(Action.EDIT_PROJECTS, project.getUnitId());
        if (jdbc.sql(ancestorsOrSelf("""
                        select count(*) from plan_item m where m.id = :m and m.kind = 'METRIC' and not m.archived
                          and m.unit_id in (select id from up)""")).param("unit", project.getUnitId())
                .param("m", metricId).query(Integer.class).single() == 0) {
            throw new RuleViolation("A project is measured by a metric of its own unit's X-matrix or of a unit above it.");
        }
        jdbc.sql("insert into project_measure (project_id, metric_id) values (:p, :m) on conflict do nothing")
                .param("p", projectId).param("m", metricId).update();
        return summary(projectId);
    }

    public ProjectSummary removeMeasure(long projectId, long metricId) {
        Project project = existing(projectId);
        permissions.check(Action.EDIT_PROJECTS, project.getUnitId());
        jdbc.sql("delete from project_measure where project_id = :p and metric_id = :m").param("p", projectId)
                .param("m", metricId).update();
        return summary(projectId);
    }

    /** Adds a PDSA cycle to the project's log. The log only grows. */
    public PdsaCycle addPdsa(long projectId, PdsaDraft draft) {
        Project project = existing(projectId);
        permissions.check(Action.EDIT_PROJECTS, project.getUnitId());
        if (draft == null || draft.cycleDate() == null) {
            throw new RuleViolation("Please give the date of the PDSA cycle.");
        }
        String plan = text(draft.plan(), 2000, "The plan");
        if (plan == null) {
            throw new RuleViolation("Please write what the cycle planned to test.");
        }
        long id = jdbc.sql("""
                        insert into pdsa_cycle (project_id, cycle_date, plan_text, do_text, study_text, act_text,
                                                recorded_by, recorded_at)
                        values (:p, :d, :plan, :do, :study, :act, :u, :at) returning id
                        """).param("p", projectId).param("d", draft.cycleDate()).param("plan", plan)
                .param("do", text(draft.doText(), 2000, "Do")).param("study", text(draft.study(), 2000, "Study"))
                .param("act", text(draft.act(), 2000, "Act")).param("u", permissions.requireUsername())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        return jdbc.sql("""
                        select id, cycle_date, plan_text as plan, do_text, study_text as study, act_text as act,
                               recorded_by, recorded_at from pdsa_cycle where id = :id""")
                .param("id", id).query(Rows.of(PdsaCycle.class)).single();
    }

    /**
     * Hands the project to a new lead with a note; its history, measures and links stay as they
     * are. The new lead must be active and hold a role on the project's unit or a unit above it.
     */
    public ProjectSummary handOver(long projectId, Long newLeadUserId, String note, long expectedVersion) {
        Project project = current(projectId, expectedVersion);
        if (!mayHandOver(project.getUnitId())) {
            throw new AccessDeniedException("Only a Contributor, Lead or Coach of the project's unit may hand "
                    + project.getTitle() + " over.");
        }
        if (newLeadUserId == null) {
            throw new RuleViolation("Please choose the new lead.");
        }
        String cleanNote = text(note, 4000, "A handover note");
        if (cleanNote == null) {
            throw new RuleViolation("Please write a handover note for the new lead: where the project is and what comes next.");
        }
        record Candidate(String displayName, boolean active, boolean admin) {
        }
        Candidate lead = jdbc.sql("select display_name, active, admin from app_user where id = :id")
                .param("id", newLeadUserId).query(Rows.of(Candidate.class)).optional()
                .orElseThrow(() -> new RuleViolation("That user does not exist."));
        if (!lead.active()) {
            throw new RuleViolation(lead.displayName() + " is deactivated and cannot lead a project.");
        }
        if (!lead.admin() && jdbc.sql(ancestorsOrSelf("""
                        select count(*) from role_grant g where g.user_id = :u and g.unit_id in (select id from up)"""))
                .param("unit", project.getUnitId()).param("u", newLeadUserId).query(Integer.class).single() == 0) {
            throw new RuleViolation(lead.displayName() + " holds no role on " + organisation.get(project.getUnitId()).name()
                    + " or a unit above it; ask an Admin to grant one first.");
        }
        if (newLeadUserId.equals(project.getLeadUserId()) && !summary(projectId).needsNewLead()) {
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
        flush();
        return summary(projectId);
    }

    /**
     * A Lead proposes a local project upwards through catchball, so the unit above can decide
     * whether it belongs on its plan.
     */
    public ProjectSummary proposeUp(long projectId, String message) {
        Project project = existing(projectId);
        permissions.check(Action.CATCHBALL, project.getUnitId());
        if (project.getProposedLinkId() != null) {
            throw new RuleViolation(project.getTitle() + " has already been proposed upwards; see its catchball thread.");
        }
        UnitNode unit = organisation.get(project.getUnitId());
        if (unit.parentId() == null) {
            throw new RuleViolation(unit.name() + " has no unit above it to propose to.");
        }
        String rationale = "Local project of " + unit.name() + (project.getAim() == null ? "" : ": " + project.getAim());
        Proposal proposal = new Proposal(project.getTitle(), project.getAim(), project.getEndDate(),
                rationale.length() > 4000 ? rationale.substring(0, 4000) : rationale, null);
        long linkId = catchball.proposeUp(project.getUnitId(), currentCycle().id(), proposal,
                message == null || message.isBlank() ? "Proposed from our local projects." : message).id();
        project.proposedAs(linkId);
        project.touched(permissions.requireUsername(), clock.instant());
        flush();
        return summary(projectId);
    }

    // ---------------------------------------------------------------- helpers

    private CycleSummary currentCycle() {
        return cycles.current().orElseThrow(() -> new RuleViolation("No planning cycle is current yet."));
    }

    private Project existing(long projectId) {
        return projects.findById(projectId).orElseThrow(() -> new RuleViolation("That project does not exist."));
    }

    private Project current(long projectId, long expectedVersion) {
        Project project = existing(projectId);
        if (project.getVersion() != expectedVersion) {
            throw stale(project.getTitle());
        }
        return project;
    }

    private void flush() {
        try {
            projects.flush();
        } catch (OptimisticLockingFailureException e) {
            throw stale("The project");
        }
    }

    private static ConflictException stale(String title) {
        return new ConflictException(title + " was changed by someone else in the meantime. Nothing was saved: "
                + "reload to see their change, then try again.");
    }

    private ProjectDraft validate(ProjectDraft draft, long unitId) {
        if (draft == null) {
            throw new RuleViolation("Please give the project a title.");
        }
        String title = text(draft.title(), 200, "A project title");
        if (title == null) {
            throw new RuleViolation("Please give the project a title.");
        }
        if (draft.startDate() != null && draft.endDate() != null && draft.endDate().isBefore(draft.startDate())) {
            throw new RuleViolation("The end date is before the start date.");
        }
        if (draft.leadUserId() != null && jdbc.sql("select count(*) from app_user where id = :id and active")
                .param("id", draft.leadUserId()).query(Integer.class).single() == 0) {
            throw new RuleViolation("The lead must be an active user.");
        }
        return new ProjectDraft(title, text(draft.aim(), 2000, "The aim"), draft.leadUserId(),
                text(draft.team(), 1000, "The team"), draft.stage() == null ? ProjectStage.IDEA : draft.stage(),
                draft.startDate(), draft.endDate());
    }

    private static String text(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new RuleViolation(what + " has at most " + String.format("%,d", max) + " characters.");
        }
        return s;
    }

    private void requireLinkable(long unitId, long itemId) {
        if (jdbc.sql(ancestorsOrSelf("""
                        select count(*) from plan_item i where i.id = :i and i.kind in ('PRIORITY', 'ANNUAL')
                          and not i.archived and i.unit_id in (select id from up)"""))
                .param("unit", unitId).param("i", itemId).query(Integer.class).single() == 0) {
            throw new RuleViolation("A project can be linked to an improvement priority or an annual objective of "
                    + "its own unit's X-matrix or of a unit above it.");
        }
    }

    private static String ancestorsOrSelf(String select) {
        return """
                with recursive up (id, parent_id) as (
                    select id, parent_id from org_unit where id = :unit
                    union all
                    select p.id, p.parent_id from org_unit p join up on p.id = up.parent_id
                )
                """ + select;
    }

    private static LinkedItem linked(long id, ItemKind kind, int number, String title, long unitId, String unitName,
                                     boolean aligned) {
        return new LinkedItem(id, kind.letter() + number, title, kind.label(), unitId, unitName, aligned);
    }

    /** Of these plan items, those whose line of sight reaches True North: one statement. */
    private Set<Long> alignedItems(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> result = new HashSet<>();
        jdbc.sql(ITEM_REACH)
                .param("ids", itemIds)
                .query(rs -> {
                    if ("TRUE_NORTH".equals(rs.getString(3))) {
                        result.add(rs.getLong(1));
                    }
                });
        return result;
    }

    /** For every plan item reached from the projects' links, the projects that reach it. */
    private Map<Long, Set<Long>> reachedBy(Collection<Long> projectIds) {
        Map<Long, Set<Long>> result = new HashMap<>();
        if (projectIds.isEmpty()) {
            return result;
        }
        jdbc.sql(REACH).param("ids", projectIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(2), k -> new HashSet<>()).add(rs.getLong(1));
                });
        return result;
    }

    /** Adds alignment (one statement) and the sustain check (SPC of the finished projects' measures). */
    private List<ProjectSummary> enrich(List<ProjectSummary> list) {
        if (list.isEmpty()) {
            return list;
        }
        List<Long> ids = list.stream().map(ProjectSummary::id).toList();
        Set<Long> aligned = new HashSet<>();
        jdbc.sql(REACH + " where i.kind = 'TRUE_NORTH'").param("ids", ids).query(rs -> {
            aligned.add(rs.getLong(1));
        });
        return withSustainCheck(list.stream().map(p -> p.with(aligned.contains(p.id()), false)).toList());
    }

    /** Adds the sustain check: SPC of the finished projects' measures after their end. */
    private List<ProjectSummary> withSustainCheck(List<ProjectSummary> list) {
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, ProjectSummary> finished = new LinkedHashMap<>();
        list.stream().filter(p -> p.stage().finished() && p.endDate() != null).forEach(p -> finished.put(p.id(), p));
        Set<Long> slipping = new HashSet<>();
        if (!finished.isEmpty()) {
            Map<Long, MetricSpc> spcCache = new HashMap<>();
            jdbc.sql("select project_id, metric_id from project_measure where project_id in (:ids)")
                    .param("ids", finished.keySet())
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()
                    .forEach(pm -> {
                        if (!slipping.contains(pm[0]) && concernAfter(spcCache, pm[1], finished.get(pm[0]).endDate())) {
                            slipping.add(pm[0]);
                        }
                    });
        }
        return list.stream().map(p -> p.with(p.aligned(), slipping.contains(p.id()))).toList();
    }

    private boolean concernAfter(Map<Long, MetricSpc> cache, long metricId, LocalDate end) {
        MetricSpc spc = cache.computeIfAbsent(metricId, metrics::spc);
        return SustainCheck.concernAfter(spc, end);
    }

    static Instant at(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
