package app.catchball.review;

import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.sql.UserRelations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the review feature: reviews with their snapshots, and the decisions log. */
@Repository
class ReviewQueries {

    /** Snapshots are read by later versions of the application: unknown fields are skipped, missing ones are null. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private static final String DECISION_COLUMNS = SqlText.using("""
            select d.id, d.unit_id, d.month, d.text, d.owner_user_id, u.display_name as owner_name, d.due_date, d.status,
                   d.closed_on, d.link_kind, d.link_id, d.link_label, d.version
            from review_decision d join {users} u on u.id = d.owner_user_id
            """, UserRelations.USERS);

    /** A review row; {@code snapshot} is the JSON text of a published review. */
    record ReviewRow(long id, String summary, String status, String snapshot, Instant publishedAt, String publishedBy,
                     long version) {
    }

    private final JdbcClient jdbc;

    ReviewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReviewRow> review(long unitId, YearMonth month) {
        return jdbc.sql(SqlText.using("""
                        select r.id, r.summary, r.status, cast(r.snapshot as text) as snapshot, r.published_at,
                               coalesce(u.display_name, r.published_by) as published_by, r.version
                        from review r left join {users} u on lower(u.username) = lower(r.published_by)
                        where r.unit_id = :unit and r.month = :month
                        """, UserRelations.USERS)).param("unit", unitId).param("month", month.atDay(1)).query(Rows.of(ReviewRow.class)).optional();
    }

    boolean isPublished(long unitId, YearMonth month) {
        return review(unitId, month).map(r -> "PUBLISHED".equals(r.status())).orElse(false);
    }

    /** Saves a draft's summary; false when the draft changed in the meantime (or was published). */
    boolean saveSummary(long unitId, YearMonth month, String summary, long expectedVersion, String by, Timestamp now) {
        if (expectedVersion == 0) {
            return jdbc.sql("""
                            insert into review (unit_id, month, summary, updated_at, updated_by, version)
                            values (:unit, :month, :summary, :now, :by, 1) on conflict (unit_id, month) do nothing
                            """).param("unit", unitId).param("month", month.atDay(1)).param("summary", summary)
                    .param("now", now).param("by", by).update() == 1;
        }
        return jdbc.sql("""
                        update review set summary = :summary, updated_at = :now, updated_by = :by, version = version + 1
                        where unit_id = :unit and month = :month and version = :version and status = 'DRAFT'
                        """).param("unit", unitId).param("month", month.atDay(1)).param("summary", summary)
                .param("now", now).param("by", by).param("version", expectedVersion).update() == 1;
    }

    /** Publishes the review with its frozen content; false when it is published already or changed in the meantime. */
    boolean publish(long unitId, YearMonth month, ReviewContent content, long expectedVersion, String by, Timestamp now) {
        String snapshot = JSON.writeValueAsString(content);
        if (expectedVersion == 0) {
            return jdbc.sql("""
                            insert into review (unit_id, month, summary, status, snapshot, published_at, published_by,
                                                updated_at, updated_by, version)
                            values (:unit, :month, :summary, 'PUBLISHED', cast(:snapshot as jsonb), :now, :by, :now, :by, 1)
                            on conflict (unit_id, month) do nothing
                            """).param("unit", unitId).param("month", month.atDay(1)).param("summary", content.summary())
                    .param("snapshot", snapshot).param("now", now).param("by", by).update() == 1;
        }
        return jdbc.sql("""
                        update review set status = 'PUBLISHED', snapshot = cast(:snapshot as jsonb), published_at = :now,
                            published_by = :by, updated_at = :now, updated_by = :by, version = version + 1
                        where unit_id = :unit and month = :month and version = :version and status = 'DRAFT'
                        """).param("unit", unitId).param("month", month.atDay(1)).param("snapshot", snapshot)
                .param("now", now).param("by", by).param("version", expectedVersion).update() == 1;
    }

    static ReviewContent content(String snapshot) {
        return JSON.readValue(snapshot, ReviewContent.class);
    }

    // ---------------------------------------------------------------- decisions

    List<Decision> decisions(long unitId, YearMonth month, LocalDate today) {
        return jdbc.sql(DECISION_COLUMNS + """
                         where d.unit_id = :unit and d.month <= :month and (d.status = 'OPEN' or d.closed_on >= :month)
                         order by d.month, d.due_date, d.id
                        """).param("unit", unitId).param("month", month.atDay(1))
                .query((rs, n) -> decision(rs, today)).list();
    }

    Optional<Decision> decision(long id, LocalDate today) {
        return jdbc.sql(DECISION_COLUMNS + " where d.id = :id").param("id", id).query((rs, n) -> decision(rs, today)).optional();
    }

    long insertDecision(long unitId, YearMonth month, DecisionDraft draft, DecisionLink link, String by, Timestamp now) {
        return jdbc.sql("""
                        insert into review_decision (unit_id, month, text, owner_user_id, due_date, status, closed_on,
                                                     link_kind, link_id, link_label, created_at, created_by, updated_at, updated_by)
                        values (:unit, :month, :text, :owner, :due, 'OPEN', null, :kind, :link, :label, :now, :by, :now, :by)
                        returning id
                        """)
                .param("unit", unitId).param("month", month.atDay(1)).param("text", draft.text().strip())
                .param("owner", draft.ownerUserId()).param("due", draft.dueDate())
                .param("kind", link == null ? null : link.kind().name()).param("link", link == null ? null : link.id())
                .param("label", link == null ? null : link.label()).param("now", now).param("by", by)
                .query(Long.class).single();
    }

    boolean updateDecision(long id, DecisionDraft draft, LocalDate closedOn, long expectedVersion, String by, Timestamp now) {
        return jdbc.sql("""
                        update review_decision set text = :text, owner_user_id = :owner, due_date = :due, status = :status,
                            closed_on = :closed, updated_at = :now, updated_by = :by, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("text", draft.text().strip()).param("owner", draft.ownerUserId()).param("due", draft.dueDate())
                .param("status", draft.status().name()).param("closed", closedOn).param("now", now).param("by", by)
                .param("id", id).param("version", expectedVersion).update() == 1;
    }

    List<OverdueAction> overdueFor(String username, LocalDate today) {
        return jdbc.sql(SqlText.using("""
                        select d.id, d.unit_id, o.short_code as unit_code, o.name as unit_name, d.text, d.due_date
                        from review_decision d
                        join {users} u on u.id = d.owner_user_id
                        join {units} o on o.id = d.unit_id
                        where lower(u.username) = lower(:u) and d.status = 'OPEN' and d.due_date < :today
                        order by d.due_date, d.id
                        """, UserRelations.USERS, UnitRelations.UNITS)).param("u", username).param("today", today).query(Rows.of(OverdueAction.class)).list();
    }

    private static Decision decision(ResultSet rs, LocalDate today) throws SQLException {
        String kind = rs.getString("link_kind");
        DecisionLink link = kind == null ? null
                : new DecisionLink(DecisionLink.Kind.valueOf(kind), rs.getLong("link_id"), rs.getString("link_label"));
        DecisionStatus status = DecisionStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        return new Decision(rs.getLong("id"), rs.getLong("unit_id"), YearMonth.from(rs.getObject("month", LocalDate.class)),
                rs.getString("text"), rs.getLong("owner_user_id"), rs.getString("owner_name"), due, status,
                rs.getObject("closed_on", LocalDate.class), link, rs.getLong("version"),
                status == DecisionStatus.OPEN && due.isBefore(today));
    }
}
