package app.catchball.projects;

import static app.catchball.projects.FreeText.clean;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.SqlText;
import app.catchball.catchball.CatchballService;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricSpc;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.SpcSummaryService;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Proposal;
import app.catchball.planning.Side;
import app.catchball.planning.XMatrix;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.sql.UserRelations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local improvement projects: what each unit is working on and what it serves on the plan.
 * Everyone may read; Contributors and Leads of the unit (or above) create and update projects and
 * keep their PDSA log; Leads link them to the plan, approve them and propose them upwards. How they
 * line up with True North is {@link AlignmentService}; who carries them, {@link ContinuityService}.
 */
@Service
@Transactional
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectQueries queries;
    private final AlignmentQueries alignment;
    private final PlanningService planning;
    private final CycleService cycles;
    private final OrganisationService organisation;
    private final MetricsService metrics;
    private final SpcSummaryService spcs;
    private final CatchballService catchball;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProjectEvents events;

    ProjectService(ProjectRepository projects, ProjectQueries queries, AlignmentQueries alignment, PlanningService planning,
                   CycleService cycles, OrganisationService organisation, MetricsService metrics, SpcSummaryService spcs,
                   CatchballService catchball, PermissionService permissions, JdbcClient jdbc, Clock clock, ProjectEvents events) {
        this.events = events;
        this.projects = projects;
        this.queries = queries;
        this.alignment = alignment;
        this.planning = planning;
        this.cycles = cycles;
        this.organisation = organisation;
        this.metrics = metrics;
        this.spcs = spcs;
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
        return enrich(queries.projectsOf(unitId, includeBelow));
    }

    /** The projects of a unit and every unit below it, for a caller that checked the unit already (Continuity). */
    List<ProjectSummary> projectsAtAndBelow(long unitId) {
        return enrich(queries.projectsOf(unitId, true));
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
        return withSustainCheck(queries.page(unitId, includeBelow, unalignedOnly, offset, limit));
    }

    /** How many projects {@link #projectsOf(long, boolean, boolean, int, int)} pages through. */
    @Transactional(readOnly = true)
    public int countProjects(long unitId, boolean includeBelow, boolean unalignedOnly) {
        permissions.check(Action.VIEW, unitId);
        return queries.count(unitId, includeBelow, unalignedOnly);
    }

    /** Of these units, those where the signed-in user may link, approve and propose projects: one statement. */
    @Transactional(readOnly = true)
    public Set<Long> unitsWhereMayLink(Collection<Long> unitIds) {
        return permissions.unitsWhereAllowed(Action.EDIT_PLAN, unitIds);
    }

    /** Projects led by any of these users, anywhere: the capability screens count them. */
    @Transactional(readOnly = true)
    public List<ProjectSummary> projectsLedBy(Collection<Long> userIds) {
        permissions.checkView();
        if (userIds.isEmpty()) {
            return List.of();
        }
        return enrich(queries.ledBy(userIds));
    }

    @Transactional(readOnly = true)
    public ProjectSummary summary(long projectId) {
        ProjectSummary project = queries.summary(projectId)
                .orElseThrow(() -> new RuleViolation("That project does not exist."));
        permissions.check(Action.VIEW, project.unitId());
        return enrich(List.of(project)).getFirst();
    }

    @Transactional(readOnly = true)
    public ProjectDetail project(long projectId) {
        ProjectSummary project = summary(projectId);
        List<LinkedItem> links = queries.links(projectId, alignment.alignedItems(queries.linkedItemIds(projectId)));
        List<Measure> plain = queries.measures(projectId);
        boolean check = project.stage().finished() && project.endDate() != null;
        Map<Long, MetricSpc> spc = check ? spcs.spcOf(plain.stream().map(Measure::metricId).toList()) : Map.of();
        List<Measure> measures = plain.stream().map(m -> new Measure(m.metricId(), m.label(), m.unitName(),
                check && concernAfter(spc, m.metricId(), project.endDate()))).toList();
        List<PdsaCycle> pdsa = queries.pdsa(projectId);
        List<Handover> handovers = queries.handovers(projectId);
        Project entity = projects.findById(projectId).orElseThrow();
        String approvedBy = entity.isApproved() ? queries.approvedBy(projectId) : null;
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

    /** What a project of the unit can serve: priorities and objectives of it and its ancestors, current cycle, nearest first. */
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
        Set<Long> aligned = alignment.alignedItems(items.stream().map(ItemView::id).toList());
        return items.stream().map(i -> ProjectQueries.linked(i.id(), i.kind(), i.number(), i.title(), i.unitId(),
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

    // ---------------------------------------------------------------- writing

    public ProjectSummary create(long unitId, ProjectDraft draft) {
        permissions.check(Action.EDIT_PROJECTS, unitId);
        UnitNode unit = organisation.get(unitId);
        if (unit.archived()) {
            throw new RuleViolation(unit.name() + " is archived: projects cannot be added to it.");
        }
        ProjectDraft clean = validate(draft);
        Project project = new Project(unitId, permissions.requireUsername(), clock.instant());
        project.apply(clean);
        return events.changed(summary(projects.saveAndFlush(project).getId()));
    }

    public ProjectSummary update(long projectId, ProjectDraft draft, long expectedVersion) {
        Project project = projects.current(projectId, expectedVersion);
        permissions.check(Action.EDIT_PROJECTS, project.getUnitId());
        ProjectDraft clean = validate(draft);
        if (project.getLeadUserId() != null && !project.getLeadUserId().equals(clean.leadUserId())) {
            throw new RuleViolation("Use \"Hand over\" to change the lead of " + project.getTitle()
                    + ": the handover note keeps the story for the new lead.");
        }
        project.apply(clean);
        project.touched(permissions.requireUsername(), clock.instant());
        projects.flushOrConflict();
        return events.changed(summary(projectId));
    }

    /** A Lead approves the project as part of the unit's work. */
    public ProjectSummary approve(long projectId, long expectedVersion) {
        Project project = projects.current(projectId, expectedVersion);
        permissions.check(Action.EDIT_PLAN, project.getUnitId());
        if (project.isApproved()) {
            throw new RuleViolation(project.getTitle() + " is already approved.");
        }
        project.approve(permissions.requireUsername(), clock.instant());
        project.touched(permissions.requireUsername(), clock.instant());
        projects.flushOrConflict();
        return events.changed(summary(projectId));
    }

    /** A Lead links the project to a priority or annual objective of its unit or a unit above. */
    public ProjectSummary link(long projectId, long itemId) {
        Project project = projects.existing(projectId);
        permissions.check(Action.EDIT_PLAN, project.getUnitId());
        requireLinkable(project.getUnitId(), itemId);
        if (jdbc.sql("select count(*) from project_item where project_id = :p and item_id = :i").param("p", projectId)
                .param("i", itemId).query(Integer.class).single() > 0) {
            throw new RuleViolation(project.getTitle() + " is already linked to that item.");
        }
        jdbc.sql("insert into project_item (project_id, item_id, linked_by, linked_at) values (:p, :i, :u, :at)")
                .param("p", projectId).param("i", itemId).param("u", permissions.requireUsername())
                .param("at", Timestamp.from(clock.instant())).update();
        return events.changed(summary(projectId));
    }

    public ProjectSummary unlink(long projectId, long itemId) {
        Project project = projects.existing(projectId);
        permissions.check(Action.EDIT_PLAN, project.getUnitId());
        jdbc.sql("delete from project_item where project_id = :p and item_id = :i").param("p", projectId)
                .param("i", itemId).update();
        return events.changed(summary(projectId));
    }

    public ProjectSummary addMeasure(long projectId, long metricId) {
        Project project = projects.existing(projectId);
        permissions.check(Action.EDIT_PROJECTS, project.getUnitId());
        if (jdbc.sql(ProjectQueries.ancestorsOrSelf(SqlText.using("""
                        select count(*) from {plan_items} m where m.id = :m and m.kind = 'METRIC' and not m.archived
                          and m.unit_id in (select id from up)""", PlanRelations.PLAN_ITEMS))).param("unit", project.getUnitId())
                .param("m", metricId).query(Integer.class).single() == 0) {
            throw new RuleViolation("A project is measured by a metric of its own unit's X-matrix or of a unit above it.");
        }
        jdbc.sql("insert into project_measure (project_id, metric_id) values (:p, :m) on conflict do nothing")
                .param("p", projectId).param("m", metricId).update();
        return events.changed(summary(projectId));
    }

    public ProjectSummary removeMeasure(long projectId, long metricId) {
        Project project = projects.existing(projectId);
        permissions.check(Action.EDIT_PROJECTS, project.getUnitId());
        jdbc.sql("delete from project_measure where project_id = :p and metric_id = :m").param("p", projectId)
                .param("m", metricId).update();
        return events.changed(summary(projectId));
    }

    /** Adds a PDSA cycle to the project's log. The log only grows. */
    public PdsaCycle addPdsa(long projectId, PdsaDraft draft) {
        Project project = projects.existing(projectId);
        permissions.check(Action.EDIT_PROJECTS, project.getUnitId());
        if (draft == null || draft.cycleDate() == null) {
            throw new RuleViolation("Please give the date of the PDSA cycle.");
        }
        String plan = clean(draft.plan(), 2000, "The plan");
        if (plan == null) {
            throw new RuleViolation("Please write what the cycle planned to test.");
        }
        long id = jdbc.sql("""
                        insert into pdsa_cycle (project_id, cycle_date, plan_text, do_text, study_text, act_text,
                                                recorded_by, recorded_at)
                        values (:p, :d, :plan, :do, :study, :act, :u, :at) returning id
                        """).param("p", projectId).param("d", draft.cycleDate()).param("plan", plan)
                .param("do", clean(draft.doText(), 2000, "Do")).param("study", clean(draft.study(), 2000, "Study"))
                .param("act", clean(draft.act(), 2000, "Act")).param("u", permissions.requireUsername())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        events.changed(project.getUnitId(), projectId);
        return queries.pdsaCycle(id);
    }

    /**
     * A Lead proposes a local project upwards through catchball, so the unit above can decide
     * whether it belongs on its plan.
     */
    public ProjectSummary proposeUp(long projectId, String message) {
        Project project = projects.existing(projectId);
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
        projects.flushOrConflict();
        return events.changed(summary(projectId));
    }

    // ---------------------------------------------------------------- helpers

    private CycleSummary currentCycle() {
        return cycles.current().orElseThrow(() -> new RuleViolation("No planning cycle is current yet."));
    }

    private ProjectDraft validate(ProjectDraft draft) {
        if (draft == null) {
            throw new RuleViolation("Please give the project a title.");
        }
        String title = clean(draft.title(), 200, "A project title");
        if (title == null) {
            throw new RuleViolation("Please give the project a title.");
        }
        if (draft.startDate() != null && draft.endDate() != null && draft.endDate().isBefore(draft.startDate())) {
            throw new RuleViolation("The end date is before the start date.");
        }
        if (draft.leadUserId() != null && jdbc.sql(SqlText.using("select count(*) from {users} where id = :id and active", UserRelations.USERS))
                .param("id", draft.leadUserId()).query(Integer.class).single() == 0) {
            throw new RuleViolation("The lead must be an active user.");
        }
        return new ProjectDraft(title, clean(draft.aim(), 2000, "The aim"), draft.leadUserId(),
                clean(draft.team(), 1000, "The team"), draft.stage() == null ? ProjectStage.IDEA : draft.stage(),
                draft.startDate(), draft.endDate());
    }

    private void requireLinkable(long unitId, long itemId) {
        if (jdbc.sql(ProjectQueries.ancestorsOrSelf(SqlText.using("""
                        select count(*) from {plan_items} i where i.id = :i and i.kind in ('PRIORITY', 'ANNUAL')
                          and not i.archived and i.unit_id in (select id from up)""", PlanRelations.PLAN_ITEMS)))
                .param("unit", unitId).param("i", itemId).query(Integer.class).single() == 0) {
            throw new RuleViolation("A project can be linked to an improvement priority or an annual objective of "
                    + "its own unit's X-matrix or of a unit above it.");
        }
    }

    /** Adds alignment (one statement) and the sustain check (SPC of the finished projects' measures). */
    private List<ProjectSummary> enrich(List<ProjectSummary> list) {
        if (list.isEmpty()) {
            return list;
        }
        Set<Long> aligned = alignment.alignedProjects(list.stream().map(ProjectSummary::id).toList());
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
            List<long[]> measures = queries.measuresOf(finished.keySet());
            Map<Long, MetricSpc> spc = spcs.spcOf(measures.stream().map(pm -> pm[1]).collect(Collectors.toSet()));
            measures.stream().filter(pm -> concernAfter(spc, pm[1], finished.get(pm[0]).endDate())).forEach(pm -> slipping.add(pm[0]));
        }
        return list.stream().map(p -> p.with(p.aligned(), slipping.contains(p.id()))).toList();
    }

    private static boolean concernAfter(Map<Long, MetricSpc> spc, long metricId, LocalDate end) {
        return spc.containsKey(metricId) && SustainCheck.concernAfter(spc.get(metricId), end);
    }
}
