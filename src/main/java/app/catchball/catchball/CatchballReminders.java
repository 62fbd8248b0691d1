package app.catchball.catchball;

import app.catchball.base.Formats;
import app.catchball.base.db.SqlText;
import app.catchball.base.ui.Routes;
import app.catchball.catchball.ui.ThreadPage;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.reminders.DueItem;
import app.catchball.reminders.ReminderSource;
import app.catchball.security.PermissionService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reminds the Leads of a unit of every catchball thread that has waited on that unit for more than
 * {@value #DAYS} days (proposed to it, or queried, countered or declined on its own proposal); once per
 * wait, as the thread's last move dates it. Who answers for a unit is {@link PermissionService#catchballLeads}.
 */
@Component
class CatchballReminders implements ReminderSource {

    static final int DAYS = 7;

    private final JdbcClient jdbc;
    private final PermissionService permissions;

    CatchballReminders(JdbcClient jdbc, PermissionService permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    @Override
    public List<DueItem> dueItems(LocalDate today) {
        record Waiting(long linkId, long unitId, String unitName, String title, LocalDate since) {
        }
        ZoneId zone = ZoneId.systemDefault();
        // Whose turn (CatchballRules.turn): a proposal waits on the other side, every other open state on the proposer.
        List<Waiting> waiting = jdbc.sql(SqlText.using("""
                        select l.id, w.id as unit_id, w.name as unit_name, l.title, l.updated_at
                        from {cascade_links} l
                        join {units} w on w.id = case when (l.status = 'PROPOSED') = (l.initiator = 'PARENT')
                                                       then l.child_unit_id else l.parent_unit_id end
                        where l.status in ('PROPOSED', 'QUERIED', 'COUNTERED', 'DECLINED') and l.updated_at < :cutoff
                        """, PlanRelations.CASCADE_LINKS, UnitRelations.UNITS))
                .param("cutoff", today.minusDays(DAYS).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> new Waiting(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                        rs.getString("title"), rs.getTimestamp("updated_at").toInstant().atZone(zone).toLocalDate()))
                .list();
        Map<Long, List<Long>> leads = permissions.catchballLeads(waiting.stream().map(Waiting::unitId).distinct().toList());
        List<DueItem> items = new ArrayList<>();
        for (Waiting w : waiting) {
            for (long userId : leads.getOrDefault(w.unitId(), List.of())) {
                items.add(new DueItem(userId, "CATCHBALL", w.linkId(), w.since(), w.since().plusDays(DAYS),
                        "Catchball: \u201c" + w.title() + "\u201d has waited on " + w.unitName() + " since "
                                + Formats.DAY.format(w.since()), Routes.path(ThreadPage.class, w.linkId())));
            }
        }
        return items;
    }
}
