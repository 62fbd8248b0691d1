package app.catchball.audit;

import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.sql.UserRelations;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail written by the database's triggers. It has no method that changes or
 * deletes audit rows, and the database refuses such changes anyway.
 */
@Service
@Transactional(readOnly = true)
public class AuditService {

    /** The kinds of thing the trail records, by table. */
    public static final List<String> TYPES = List.of("org_unit", "app_user", "role_grant", "cycle", "plan_item",
            "correlation", "cascade_link", "catchball_step", "series_value", "countermeasure", "api_token", "project",
            "pdsa_cycle", "project_handover", "training_record", "coaching");

    /** An update whose only changes are bookkeeping columns ({@link AuditDiff#NOISE}). */
    private static final String NOTHING_VISIBLE = "a.operation = 'UPDATE' and (a.before - "
            + String.join(" - ", AuditDiff.NOISE.stream().sorted().map(c -> "'" + c + "'").toList()) + ") = (a.after - "
            + String.join(" - ", AuditDiff.NOISE.stream().sorted().map(c -> "'" + c + "'").toList()) + ")";

    private static final String COLUMNS = SqlText.using("""
            select a.id, a.at, a.actor, p.display_name as actor_name, a.table_name, a.row_id, a.operation, a.unit_id,
                   u.name as unit_name, a.before::text as before, a.after::text as after
            from audit.audit_event a left join {units} u on u.id = a.unit_id left join {users} p on p.username = a.actor
            """, UnitRelations.UNITS, UserRelations.USERS);

    private final JdbcClient jdbc;
    private final PermissionService permissions;

    AuditService(JdbcClient jdbc, PermissionService permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    /** The history of one thing (e.g. a plan item), newest first. Everyone who may see its unit may see it. */
    public List<AuditEntry> history(String tableName, long rowId) {
        permissions.requireUsername();
        List<AuditEntry> entries = jdbc.sql(COLUMNS + " where a.table_name = :t and a.row_id = :id order by a.id desc")
                .param("t", tableName).param("id", rowId).query(Rows.of(AuditEntry.class)).list();
        entries.stream().map(AuditEntry::unitId).filter(u -> u != null).findFirst()
                .ifPresent(unit -> permissions.check(Action.VIEW, unit));
        return entries;
    }

    /** What a type in {@link #TYPES} is called on screen ("plan_item" → "plan item"). */
    public static String typeName(String type) {
        return AuditSentence.words(type).replace("org unit", "unit").replace("app user", "user")
                .replace("pdsa", "PDSA").replace("api token", "API token").replace("series value", "metric value");
    }

    /**
     * A page of the trail for Admins and Coaches, newest first, filtered by user, unit (and below), type and period.
     * Updates that changed nothing visible (bookkeeping only) are left out unless the filter asks for them.
     */
    public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
        permissions.checkAudit();
        return query(filter, null, offset, limit);
    }

    /**
     * The page of the trail after {@code beforeId} (older entries; the newest first when null), with the
     * same filters and the same check as {@link #search}: an export reads the whole trail this way, as
     * quick for the last page as for the first.
     */
    public List<AuditEntry> searchBefore(AuditFilter filter, Long beforeId, int limit) {
        permissions.checkAudit();
        return query(filter, beforeId, 0, limit);
    }

    private List<AuditEntry> query(AuditFilter filter, Long beforeId, int offset, int limit) {
        return jdbc.sql(SqlText.using("""
                        with recursive below (id) as (
                            select id from {units} where id = cast(:unit as bigint)
                            union all
                            select c.id from {units} c join below on c.parent_id = below.id
                        )
                        """, UnitRelations.UNITS) + COLUMNS + """
                        where (cast(:actor as text) is null or lower(a.actor) = lower(cast(:actor as text)))
                          and (cast(:unit as bigint) is null or a.unit_id in (select id from below))
                          and (cast(:type as text) is null or a.table_name = cast(:type as text)
                               or (cast(:type as text) = 'series_value' and a.table_name = 'metric_value'))
                          and (cast(:from as timestamptz) is null or a.at >= cast(:from as timestamptz))
                          and (cast(:to as timestamptz) is null or a.at < cast(:to as timestamptz))
                          and (cast(:all as boolean) or not (""" + NOTHING_VISIBLE + """
                          ))
                          and (cast(:before as bigint) is null or a.id < cast(:before as bigint))
                        order by a.id desc
                        offset :offset limit :limit
                        """)
                .param("actor", blankToNull(filter.actor())).param("unit", filter.unitId())
                .param("type", blankToNull(filter.type())).param("all", filter.nothingVisibleToo())
                .param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
                .param("before", beforeId)
                .param("offset", Math.max(0, offset)).param("limit", Math.min(Math.max(1, limit), 500))
                .query(Rows.of(AuditEntry.class)).list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Filters for the audit page; null means any. {@code to} is exclusive. */
    public record AuditFilter(String actor, Long unitId, String type, Instant from, Instant to, boolean nothingVisibleToo) {

        public AuditFilter(String actor, Long unitId, String type, Instant from, Instant to) {
            this(actor, unitId, type, from, to, false);
        }
    }
}
