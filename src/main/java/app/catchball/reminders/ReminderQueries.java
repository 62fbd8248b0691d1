package app.catchball.reminders;

import app.catchball.base.db.SqlText;
import app.catchball.security.sql.UserRelations;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reminder table: what the job recorded, each person's open reminders and the e-mail digest's rows. */
@Repository
class ReminderQueries {

    /** A row of an e-mail digest. */
    record MailRow(String email, String displayName, String text, String link, LocalDate dueDate) {
    }

    private final JdbcClient jdbc;

    ReminderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the items not recorded yet (and reopens a resolved one that is due again), in one
     * statement; concurrent runs cannot record an item twice (unique key). Returns the ids of the rows
     * it inserted, by person.
     */
    Map<Long, List<Long>> record(Collection<DueItem> items, Instant now) {
        Map<Long, List<Long>> inserted = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return inserted;
        }
        List<DueItem> list = List.copyOf(items);
        jdbc.sql("""
                        insert into reminder as r (user_id, kind, item_id, period, due_date, text, link, created_at)
                        select x.u, x.k, x.i, cast(x.p as date), cast(x.d as date), x.t, x.l, :now
                        from unnest(cast(:users as bigint[]), cast(:kinds as text[]), cast(:items as bigint[]),
                                    cast(:periods as text[]), cast(:dues as text[]), cast(:texts as text[]),
                                    cast(:links as text[])) as x (u, k, i, p, d, t, l)
                        on conflict (user_id, kind, item_id, period)
                            do update set resolved_at = null, due_date = excluded.due_date, text = excluded.text
                            where r.resolved_at is not null
                        returning r.id, r.user_id, (r.xmax = 0) as inserted
                        """)
                .param("users", list.stream().map(DueItem::userId).toArray(Long[]::new))
                .param("kinds", list.stream().map(DueItem::kind).toArray(String[]::new))
                .param("items", list.stream().map(DueItem::itemId).toArray(Long[]::new))
                .param("periods", list.stream().map(i -> i.period().toString()).toArray(String[]::new))
                .param("dues", list.stream().map(i -> i.due().toString()).toArray(String[]::new))
                .param("texts", list.stream().map(i -> clip(i.text(), 600)).toArray(String[]::new))
                .param("links", list.stream().map(DueItem::link).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    if (rs.getBoolean("inserted")) {
                        inserted.computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>()).add(rs.getLong("id"));
                    }
                });
        return inserted;
    }

    /** Resolves the open reminders whose item is no longer due; returns how many. */
    int resolveAllBut(Collection<DueItem.Key> due, Instant now) {
        List<DueItem.Key> list = List.copyOf(due);
        return jdbc.sql("""
                        update reminder r set resolved_at = :now
                        where r.resolved_at is null and not exists (
                            select 1 from unnest(cast(:users as bigint[]), cast(:kinds as text[]), cast(:items as bigint[]),
                                                 cast(:periods as text[])) as x (u, k, i, p)
                            where x.u = r.user_id and x.k = r.kind and x.i = r.item_id and cast(x.p as date) = r.period)
                        """)
                .param("users", list.stream().map(DueItem.Key::userId).toArray(Long[]::new))
                .param("kinds", list.stream().map(DueItem.Key::kind).toArray(String[]::new))
                .param("items", list.stream().map(DueItem.Key::itemId).toArray(Long[]::new))
                .param("periods", list.stream().map(k -> k.period().toString()).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    List<Reminder> openOf(String username, LocalDate today, int offset, int limit) {
        return jdbc.sql(SqlText.using("""
                        select r.id, r.kind, r.text, r.link, r.due_date from reminder r join {users} u on u.id = r.user_id
                        where lower(u.username) = lower(:u) and r.resolved_at is null
                        order by r.due_date, r.id offset :offset limit :limit
                        """, UserRelations.USERS))
                .param("u", username).param("offset", offset).param("limit", limit)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    return new Reminder(rs.getLong("id"), rs.getString("kind"), rs.getString("text"), rs.getString("link"),
                            due, due.isBefore(today));
                })
                .list();
    }

    int countOpenOf(String username) {
        return jdbc.sql(SqlText.using("""
                        select count(*) from reminder r join {users} u on u.id = r.user_id
                        where lower(u.username) = lower(:u) and r.resolved_at is null
                        """, UserRelations.USERS)).param("u", username).query(Integer.class).single();
    }

    /** The rows of one person's digest, if they are active and have an e-mail address. */
    List<MailRow> digest(long userId, Collection<Long> reminderIds) {
        return jdbc.sql(SqlText.using("""
                        select u.email, u.display_name, r.text, r.link, r.due_date
                        from reminder r join {users} u on u.id = r.user_id
                        where r.user_id = :user and r.id in (:ids) and u.active and u.email is not null
                        order by r.due_date, r.id
                        """, UserRelations.USERS))
                .param("user", userId).param("ids", reminderIds)
                .query((rs, n) -> new MailRow(rs.getString("email"), rs.getString("display_name"), rs.getString("text"),
                        rs.getString("link"), rs.getObject("due_date", LocalDate.class)))
                .list();
    }

    void markEmailed(Collection<Long> reminderIds, Instant now) {
        jdbc.sql("update reminder set emailed_at = :now where id in (:ids)")
                .param("ids", reminderIds).param("now", Timestamp.from(now)).update();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
