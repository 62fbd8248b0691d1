package app.catchball.metrics;

import app.catchball.base.Formats;
import app.catchball.base.db.SqlText;
import app.catchball.base.ui.Routes;
import app.catchball.metrics.ui.MetricView;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.reminders.DueItem;
import app.catchball.reminders.ReminderSource;
import app.catchball.security.sql.UserRelations;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reminds a metric's owner of the values still missing for the months of the current cycle that have
 * ended: one reminder per metric, renewed each month (its period is the latest missing month), due by
 * the trust's working day N after the earliest missing month. Monthly metrics only.
 */
@Component
class ValuesDueReminders implements ReminderSource {

    private final JdbcClient jdbc;
    private final ValuesDueService valuesDue;

    ValuesDueReminders(JdbcClient jdbc, ValuesDueService valuesDue) {
        this.jdbc = jdbc;
        this.valuesDue = valuesDue;
    }

    @Override
    public List<DueItem> dueItems(LocalDate today) {
        record Missing(long metricId, long unitId, long ownerId, String label, String unitName, LocalDate first,
                       LocalDate last, int count) {
        }
        LocalDate lastEnded = YearMonth.from(today).minusMonths(1).atDay(1);
        List<Missing> missing = jdbc.sql(SqlText.using("""
                        select m.id, m.unit_id, m.accountable_user_id, 'M' || m.number || ' ' || m.title as label, u.name as unit_name,
                               min(p.period) as first_missing, max(p.period) as last_missing, count(*) as missing
                        from {plan_items} m
                        join {cycles} c on c.id = m.cycle_id and c.is_current
                        join {units} u on u.id = m.unit_id and not u.archived
                        join {users} o on o.id = m.accountable_user_id and o.active
                        cross join lateral (
                            select cast(g as date) as period
                            from generate_series(cast(c.first_month as timestamp), cast(least(c.last_month, :lastEnded) as timestamp),
                                                 interval '1 month') g
                        ) p
                        where m.kind = 'METRIC' and not m.archived and m.frequency = 'MONTHLY'
                          and not exists (select 1 from metric_value v where v.metric_id = m.id and v.period = p.period)
                        group by m.id, m.unit_id, m.accountable_user_id, m.number, m.title, u.name
                        """, PlanRelations.PLAN_ITEMS, PlanRelations.CYCLES, UnitRelations.UNITS, UserRelations.USERS))
                .param("lastEnded", lastEnded)
                .query((rs, n) -> new Missing(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("accountable_user_id"),
                        rs.getString("label"), rs.getString("unit_name"), rs.getObject("first_missing", LocalDate.class),
                        rs.getObject("last_missing", LocalDate.class), rs.getInt("missing")))
                .list();
        Map<Long, Integer> workingDays = valuesDue.workingDays(missing.stream().map(Missing::unitId).distinct().toList());
        List<DueItem> items = new ArrayList<>();
        for (Missing m : missing) {
            int day = workingDays.getOrDefault(m.unitId(), ValuesDueService.DEFAULT_WORKING_DAY);
            LocalDate due = ValuesDueService.dueDate(YearMonth.from(m.first()), day);
            String what = m.count() == 1
                    ? "Enter the " + Formats.MONTH.format(m.first()) + " value of " + m.label() + " (" + m.unitName() + ")"
                    : "Enter " + m.count() + " missing values of " + m.label() + " (" + m.unitName() + "), from "
                            + Formats.MONTH.format(m.first()) + " to " + Formats.MONTH.format(m.last());
            items.add(new DueItem(m.ownerId(), "VALUES", m.metricId(), m.last(), due, what, Routes.path(MetricView.class, m.metricId())));
        }
        return items;
    }
}
