package app.catchball.projects;

import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.ItemKind;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.sql.UserRelations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of local projects: summaries (one statement per list or page) and the parts of a project's page. */
@Repository
class ProjectQueries {

    private static final String SUMMARY = SqlText.using("""
            select p.id, p.unit_id, u.name as unit_name, p.title, p.aim, p.stage, p.lead_user_id,
                   l.display_name as lead_name, p.team, p.start_date, p.end_date, p.approved_at is not null as approved,
                   (p.stage <> 'CLOSED' and (p.lead_user_id is null or not l.active or (not l.admin and not exists (
                        with recursive up (id, parent_id) as (
                            select o.id, o.parent_id from {units} o where o.id = p.unit_id
                            union all
                            select o.id, o.parent_id from {units} o join up on o.id = up.parent_id
                        )
                        select 1 from {grants} g where g.user_id = p.lead_user_id and g.unit_id in (select id from up)
                   )))) as needs_new_lead,
                   false as aligned, false as slipping, p.version
            from project p
            join {units} u on u.id = p.unit_id
            left join {users} l on l.id = p.lead_user_id
            """, UnitRelations.UNITS, UserRelations.GRANTS, UserRelations.USERS);

    /** The unit {@code :unit} and every unit below it, as {@code sub}. */
    static final String SUBTREE = SqlText.using("""
            with recursive sub (id) as (
                select cast(:unit as bigint)
                union all
                select c.id from {units} c join sub on c.parent_id = sub.id
            )
            """, UnitRelations.UNITS);

    /** {@link #SUMMARY} with the aligned flag from {@link AlignmentQueries#ALIGNED_SCOPE}. */
    private static final String SUMMARY_ALIGNED = AlignmentQueries.ALIGNED_SCOPE
            + SUMMARY.replace("false as aligned", AlignmentQueries.IS_ALIGNED + " as aligned")
            + " where p.id in (select id from scope)";

    /** The unit {@code :unit} and its ancestors, as {@code up}, before the given select. */
    static String ancestorsOrSelf(String select) {
        return SqlText.using("""
                with recursive up (id, parent_id) as (
                    select id, parent_id from {units} where id = :unit
                    union all
                    select p.id, p.parent_id from {units} p join up on p.id = up.parent_id
                )
                """, UnitRelations.UNITS) + select;
    }

    private final JdbcClient jdbc;

    ProjectQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The projects of a unit, or of the unit and every unit below it; not yet aligned nor checked. */
    List<ProjectSummary> projectsOf(long unitId, boolean includeBelow) {
        return includeBelow
                ? jdbc.sql(SUBTREE + SUMMARY + " where p.unit_id in (select id from sub) order by u.name, p.id")
                        .param("unit", unitId).query(Rows.of(ProjectSummary.class)).list()
                : jdbc.sql(SUMMARY + " where p.unit_id = :unit order by p.id").param("unit", unitId)
                        .query(Rows.of(ProjectSummary.class)).list();
    }

    /** A page of the projects of a unit (and below), ordered by unit and age, with the aligned flag. */
    List<ProjectSummary> page(long unitId, boolean includeBelow, boolean unalignedOnly, int offset, int limit) {
        return jdbc.sql(SUMMARY_ALIGNED + (unalignedOnly ? " and not " + AlignmentQueries.IS_ALIGNED : "")
                        + " order by u.name, p.id offset :offset limit :limit")
                .param("unit", unitId).param("below", includeBelow).param("offset", Math.max(0, offset))
                .param("limit", Math.clamp(limit, 0, 500)).query(Rows.of(ProjectSummary.class)).list();
    }

    /** How many projects {@link #page} pages through. */
    int count(long unitId, boolean includeBelow, boolean unalignedOnly) {
        if (!unalignedOnly) {
            return jdbc.sql(SUBTREE.replace("join sub on c.parent_id = sub.id", "join sub on c.parent_id = sub.id and :below")
                            + " select count(*) from project p where p.unit_id in (select id from sub)")
                    .param("unit", unitId).param("below", includeBelow).query(Integer.class).single();
        }
        return jdbc.sql(AlignmentQueries.ALIGNED_SCOPE + """
                        select count(*) from scope s where not exists (
                            select 1 from project_item pa where pa.project_id = s.id and pa.item_id in (select id from aligned))""")
                .param("unit", unitId).param("below", includeBelow).query(Integer.class).single();
    }

    /**
     * The three counts the Projects screen shows, in one statement: the unit's own projects, those of
     * the unit and every unit below it, and of these the unaligned ones.
     */
    ProjectCounts counts(long unitId) {
        return jdbc.sql(AlignmentQueries.ALIGNED_SCOPE + """
                        select (select count(*) from project p where p.unit_id = :unit) as own,
                               (select count(*) from scope) as with_below,
                               (select count(*) from scope s where not exists (
                                   select 1 from project_item pa where pa.project_id = s.id
                                   and pa.item_id in (select id from aligned))) as unaligned""")
                .param("unit", unitId).param("below", true).query(Rows.of(ProjectCounts.class)).single();
    }

    /** How many projects a unit has itself, with the units below it, and unaligned (unit and below). */
    record ProjectCounts(int own, int withBelow, int unaligned) {
    }

    /** The ids of the projects of the unit and every unit below it. */
    List<Long> idsUnder(long unitId) {
        return jdbc.sql(SUBTREE + " select p.id from project p where p.unit_id in (select id from sub)")
                .param("unit", unitId).query(Long.class).list();
    }

    List<ProjectSummary> ledBy(Collection<Long> userIds) {
        return jdbc.sql(SUMMARY + " where p.lead_user_id in (:users) order by p.id").param("users", userIds)
                .query(Rows.of(ProjectSummary.class)).list();
    }

    Optional<ProjectSummary> summary(long projectId) {
        return jdbc.sql(SUMMARY + " where p.id = :id").param("id", projectId)
                .query(Rows.of(ProjectSummary.class)).optional();
    }

    List<Long> linkedItemIds(long projectId) {
        return jdbc.sql("select item_id from project_item where project_id = :p")
                .param("p", projectId).query(Long.class).list();
    }

    /** The plan items the project is linked to, oldest link first, marked aligned when in {@code aligned}. */
    List<LinkedItem> links(long projectId, Set<Long> aligned) {
        return jdbc.sql(SqlText.using("""
                        select i.id, i.kind, i.number, i.title, i.unit_id, u.name
                        from project_item pi join {plan_items} i on i.id = pi.item_id join {units} u on u.id = i.unit_id
                        where pi.project_id = :p order by pi.linked_at, i.id
                        """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS)).param("p", projectId)
                .query((rs, n) -> linked(rs.getLong(1), ItemKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), aligned.contains(rs.getLong(1))))
                .list();
    }

    /** The links of several projects at once (one statement), by project, oldest link first; aligned when in {@code aligned}. */
    Map<Long, List<LinkedItem>> linksOf(Collection<Long> projectIds, Function<Collection<Long>, Set<Long>> aligned) {
        Map<Long, List<LinkedItem>> links = new HashMap<>();
        if (projectIds.isEmpty()) {
            return links;
        }
        record Row(long projectId, long itemId, ItemKind kind, int number, String title, long unitId, String unitName) {
        }
        List<Row> rows = jdbc.sql(SqlText.using("""
                        select pi.project_id, i.id as item_id, i.kind, i.number, i.title, i.unit_id, u.name as unit_name
                        from project_item pi join {plan_items} i on i.id = pi.item_id join {units} u on u.id = i.unit_id
                        where pi.project_id in (:ids) order by pi.project_id, pi.linked_at, i.id
                        """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS)).param("ids", projectIds)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), ItemKind.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7))).list();
        Set<Long> tracing = rows.isEmpty() ? Set.of() : aligned.apply(rows.stream().map(Row::itemId).distinct().toList());
        rows.forEach(r -> links.computeIfAbsent(r.projectId(), k -> new ArrayList<>()).add(
                linked(r.itemId(), r.kind(), r.number(), r.title(), r.unitId(), r.unitName(), tracing.contains(r.itemId()))));
        return links;
    }

    /** The measures of several projects at once (one statement), by project; without the sustain check. */
    Map<Long, List<Measure>> measuresByProject(Collection<Long> projectIds) {
        Map<Long, List<Measure>> measures = new HashMap<>();
        if (projectIds.isEmpty()) {
            return measures;
        }
        jdbc.sql(SqlText.using("""
                        select pm.project_id, m.id, 'M' || m.number || ' ' || m.title, u.name
                        from project_measure pm join {plan_items} m on m.id = pm.metric_id join {units} u on u.id = m.unit_id
                        where pm.project_id in (:ids) order by pm.project_id, u.name, m.number
                        """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS)).param("ids", projectIds)
                .query(rs -> {
                    measures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Measure(rs.getLong(2), rs.getString(3), rs.getString(4), false));
                });
        return measures;
    }

    static LinkedItem linked(long id, ItemKind kind, int number, String title, long unitId, String unitName,
                             boolean aligned) {
        return new LinkedItem(id, kind.letter() + number, title, kind.label(), unitId, unitName, aligned);
    }

    /** The metrics the project is measured by, without the sustain check. */
    List<Measure> measures(long projectId) {
        return jdbc.sql(SqlText.using("""
                        select m.id, 'M' || m.number || ' ' || m.title, u.name
                        from project_measure pm join {plan_items} m on m.id = pm.metric_id join {units} u on u.id = m.unit_id
                        where pm.project_id = :p order by u.name, m.number
                        """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS)).param("p", projectId)
                .query((rs, n) -> new Measure(rs.getLong(1), rs.getString(2), rs.getString(3), false)).list();
    }

    /** Project and metric id of every measure of these projects. */
    List<long[]> measuresOf(Collection<Long> projectIds) {
        return jdbc.sql("select project_id, metric_id from project_measure where project_id in (:ids)")
                .param("ids", projectIds)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    List<PdsaCycle> pdsa(long projectId) {
        return jdbc.sql("""
                        select id, cycle_date, plan_text as plan, do_text, study_text as study, act_text as act,
                               recorded_by, recorded_at
                        from pdsa_cycle where project_id = :p order by cycle_date, id
                        """).param("p", projectId).query(Rows.of(PdsaCycle.class)).list();
    }

    PdsaCycle pdsaCycle(long id) {
        return jdbc.sql("""
                        select id, cycle_date, plan_text as plan, do_text, study_text as study, act_text as act,
                               recorded_by, recorded_at from pdsa_cycle where id = :id""")
                .param("id", id).query(Rows.of(PdsaCycle.class)).single();
    }

    List<Handover> handovers(long projectId) {
        return jdbc.sql(SqlText.using("""
                        select h.id, f.display_name as from_name, t.display_name as to_name, h.note, h.handed_over_by,
                               h.handed_over_at
                        from project_handover h left join {users} f on f.id = h.from_user_id
                        join {users} t on t.id = h.to_user_id
                        where h.project_id = :p order by h.handed_over_at, h.id
                        """, UserRelations.USERS)).param("p", projectId).query(Rows.of(Handover.class)).list();
    }

    /** Who approved the project: their display name, or the username when the user is gone. */
    String approvedBy(long projectId) {
        return jdbc.sql(SqlText.using("""
                        select coalesce((select display_name from {users} where lower(username) = lower(p.approved_by)),
                                        p.approved_by)
                        from project p where p.id = :p""", UserRelations.USERS)).param("p", projectId).query(String.class).single();
    }
}
