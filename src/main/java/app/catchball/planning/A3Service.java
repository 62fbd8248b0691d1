package app.catchball.planning;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.sql.UserRelations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The A3s of improvement priorities: everyone may read them; Leads of the priority's unit (or
 * above) write them, like the rest of the X-matrix. Every save checks the version it started from
 * (someone else's save in the meantime is refused, not overwritten) and keeps the saved A3 whole
 * as a version row, so its history can be read.
 */
@Service
@Transactional
public class A3Service {

    static final int MAX_TEXT = 4000;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private record Priority(long id, long unitId, int number, String title, String kind) {
    }

    private record A3Row(long id, String background, String currentCondition, String targetCondition, String rootCause,
                         String status, int percentComplete, Instant updatedAt, String updatedBy, long version) {
    }

    private final JdbcClient jdbc;
    private final PermissionService permissions;
    private final Clock clock;

    A3Service(JdbcClient jdbc, PermissionService permissions, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** The priority's A3, or an empty one (status null, version 0) while it has none. */
    @Transactional(readOnly = true)
    public PriorityA3 a3(long priorityId) {
        Priority priority = priority(priorityId);
        permissions.check(Action.VIEW, priority.unitId());
        return load(priority);
    }

    /** Whether the signed-in user may write the priority's A3. */
    @Transactional(readOnly = true)
    public boolean mayEdit(long priorityId) {
        return permissions.may(Action.EDIT_PLAN, priority(priorityId).unitId());
    }

    /**
     * Saves the A3 from the version the editor started from ({@code expectedVersion}, 0 for a
     * new A3); refuses bad input and someone else's change in the meantime, changing nothing.
     */
    public PriorityA3 save(long priorityId, PriorityA3 draft, long expectedVersion) {
        Priority priority = priority(priorityId);
        permissions.check(Action.EDIT_PLAN, priority.unitId());
        validate(draft);
        String by = permissions.requireUsername();
        Timestamp now = Timestamp.from(clock.instant());
        Long a3Id = jdbc.sql("select id from priority_a3 where priority_id = :p for update").param("p", priorityId)
                .query(Long.class).optional().orElse(null);
        String conflict = "This A3 was changed by someone else in the meantime. Reload it and make your change again.";
        if (a3Id == null) {
            if (expectedVersion != 0) {
                throw new ConflictException(conflict);
            }
            a3Id = jdbc.sql("""
                            insert into priority_a3 (priority_id, background, current_condition, target_condition, root_cause,
                                                     status, percent_complete, updated_at, updated_by, version)
                            values (:p, :bg, :cur, :tgt, :cause, :status, :pct, :now, :by, 1)
                            on conflict (priority_id) do nothing returning id
                            """)
                    .params(fields(draft)).param("p", priorityId).param("now", now).param("by", by)
                    .query(Long.class).optional().orElseThrow(() -> new ConflictException(conflict));
        } else {
            int updated = jdbc.sql("""
                            update priority_a3 set background = :bg, current_condition = :cur, target_condition = :tgt,
                                root_cause = :cause, status = :status, percent_complete = :pct, updated_at = :now,
                                updated_by = :by, version = version + 1
                            where id = :id and version = :version
                            """)
                    .params(fields(draft)).param("id", a3Id).param("now", now).param("by", by)
                    .param("version", expectedVersion).update();
            if (updated == 0) {
                throw new ConflictException(conflict);
            }
            jdbc.sql("delete from priority_a3_action where a3_id = :id").param("id", a3Id).update();
        }
        int position = 0;
        for (A3Action action : draft.actions()) {
            jdbc.sql("""
                            insert into priority_a3_action (a3_id, position, text, owner_user_id, milestone, done)
                            values (:a3, :pos, :text, :owner, :milestone, :done)
                            """)
                    .param("a3", a3Id).param("pos", position++).param("text", action.text().strip())
                    .param("owner", action.ownerUserId()).param("milestone", action.milestone())
                    .param("done", action.done()).update();
        }
        PriorityA3 saved = load(priority);
        jdbc.sql("""
                        insert into priority_a3_version (a3_id, version, content, saved_at, saved_by)
                        values (:a3, :version, cast(:content as jsonb), :now, :by)
                        """)
                .param("a3", a3Id).param("version", saved.version()).param("content", JSON.writeValueAsString(saved))
                .param("now", now).param("by", by).update();
        return saved;
    }

    /** Every saved version of the priority's A3, newest first. */
    @Transactional(readOnly = true)
    public List<A3VersionView> history(long priorityId) {
        Priority priority = priority(priorityId);
        permissions.check(Action.VIEW, priority.unitId());
        return jdbc.sql("""
                        select v.version, v.saved_at, v.saved_by, v.content ->> 'status' as status,
                               cast(v.content ->> 'percentComplete' as int) as percent_complete
                        from priority_a3_version v join priority_a3 a on a.id = v.a3_id
                        where a.priority_id = :p order by v.version desc
                        """).param("p", priorityId).query(Rows.of(A3VersionView.class)).list();
    }

    /** One saved version of the priority's A3, as it was saved. */
    @Transactional(readOnly = true)
    public PriorityA3 version(long priorityId, long version) {
        Priority priority = priority(priorityId);
        permissions.check(Action.VIEW, priority.unitId());
        String content = jdbc.sql("""
                        select cast(v.content as text) from priority_a3_version v join priority_a3 a on a.id = v.a3_id
                        where a.priority_id = :p and v.version = :v
                        """).param("p", priorityId).param("v", version).query(String.class).optional()
                .orElseThrow(() -> new RuleViolation("That version of the A3 does not exist."));
        return JSON.readValue(content, PriorityA3.class);
    }

    /** The priorities of a unit's X-matrix in a cycle, in matrix order, each with its A3 status: one statement. */
    @Transactional(readOnly = true)
    public List<PriorityStatus> statuses(long unitId, long cycleId) {
        permissions.check(Action.VIEW, unitId);
        return jdbc.sql("""
                        select p.id as priority_id, 'P' || p.number as code, p.title, a.status, a.percent_complete
                        from plan_item p left join priority_a3 a on a.priority_id = p.id
                        where p.unit_id = :unit and p.cycle_id = :cycle and p.kind = 'PRIORITY' and not p.archived
                        order by p.sort_order, p.number
                        """).param("unit", unitId).param("cycle", cycleId).query(Rows.of(PriorityStatus.class)).list();
    }

    /** Of these plan items, the A3 status of those that are priorities with an A3: one statement. */
    @Transactional(readOnly = true)
    public Map<Long, A3Status> statusesOf(Collection<Long> itemIds) {
        permissions.checkView();
        Map<Long, A3Status> statuses = new HashMap<>();
        if (itemIds.isEmpty()) {
            return statuses;
        }
        jdbc.sql("select priority_id, status from priority_a3 where priority_id in (:ids)").param("ids", itemIds)
                .query(rs -> {
                    statuses.put(rs.getLong(1), A3Status.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    private Priority priority(long priorityId) {
        Priority priority = jdbc.sql("select id, unit_id, number, title, kind from plan_item where id = :id")
                .param("id", priorityId).query(Rows.of(Priority.class)).optional()
                .orElseThrow(() -> new RuleViolation("That improvement priority does not exist."));
        if (!ItemKind.PRIORITY.name().equals(priority.kind())) {
            throw new RuleViolation("Only an improvement priority has an A3.");
        }
        return priority;
    }

    private PriorityA3 load(Priority priority) {
        String code = "P" + priority.number();
        A3Row row = jdbc.sql("""
                        select id, background, current_condition, target_condition, root_cause, status, percent_complete,
                               updated_at, updated_by, version
                        from priority_a3 where priority_id = :p
                        """).param("p", priority.id()).query(Rows.of(A3Row.class)).optional().orElse(null);
        if (row == null) {
            return new PriorityA3(priority.id(), priority.unitId(), code, priority.title(), null, null, null, null, null, 0,
                    List.of(), null, null, 0);
        }
        List<A3Action> actions = jdbc.sql(SqlText.using("""
                        select a.text, a.owner_user_id, u.display_name as owner_name, a.milestone, a.done
                        from priority_a3_action a left join {users} u on u.id = a.owner_user_id
                        where a.a3_id = :id order by a.position
                        """, UserRelations.USERS)).param("id", row.id()).query(Rows.of(A3Action.class)).list();
        return new PriorityA3(priority.id(), priority.unitId(), code, priority.title(), row.background(),
                row.currentCondition(), row.targetCondition(), row.rootCause(), A3Status.valueOf(row.status()),
                row.percentComplete(), actions, row.updatedAt(), row.updatedBy(), row.version());
    }

    private static void validate(PriorityA3 draft) {
        if (draft.status() == null) {
            throw new RuleViolation("Please choose the status: On track, At risk or Off track.");
        }
        if (draft.percentComplete() < 0 || draft.percentComplete() > 100) {
            throw new RuleViolation("% complete is a whole number from 0 to 100.");
        }
        for (String text : new String[] {draft.background(), draft.currentCondition(), draft.targetCondition(), draft.rootCause()}) {
            if (text != null && text.length() > MAX_TEXT) {
                throw new RuleViolation("Background, current condition, target condition and root cause have at most 4,000 characters each.");
            }
        }
        for (A3Action action : draft.actions()) {
            if (action.text() == null || action.text().isBlank()) {
                throw new RuleViolation("Every action needs its text.");
            }
            if (action.text().length() > 1000) {
                throw new RuleViolation("An action has at most 1,000 characters.");
            }
        }
    }

    private static Map<String, Object> fields(PriorityA3 draft) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("bg", blankToNull(draft.background()));
        fields.put("cur", blankToNull(draft.currentCondition()));
        fields.put("tgt", blankToNull(draft.targetCondition()));
        fields.put("cause", blankToNull(draft.rootCause()));
        fields.put("status", draft.status().name());
        fields.put("pct", draft.percentComplete());
        return fields;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
