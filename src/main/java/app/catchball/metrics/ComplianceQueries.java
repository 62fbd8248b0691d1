package app.catchball.metrics;

import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.sql.PlanRelations;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Compliance a page of units at a time: the units below a unit that have metrics in the last 6 months
 * (in tree order), then their values and countermeasures in one statement each, whatever the size of
 * the organisation.
 */
@Repository
class ComplianceQueries {

    private static final String UNITS_WITH_METRICS = SqlText.using("""
            with recursive sub (id, path) as (
                select id, array[cast(name as text)] from {units} where id = :unit
                union all
                select c.id, sub.path || cast(c.name as text) from {units} c join sub on c.parent_id = sub.id where not c.archived
            )
            select sub.id, u.name, u.short_code from sub join {units} u on u.id = sub.id
            where exists (select 1 from {plan_items} m join {cycles} cy on cy.id = m.cycle_id
                          where m.unit_id = sub.id and m.kind = 'METRIC' and not m.archived
                            and cy.last_month >= :from and cy.first_month <= :to)
            """, UnitRelations.UNITS, PlanRelations.PLAN_ITEMS, PlanRelations.CYCLES);

    record UnitRow(long id, String name, String shortCode) {
    }

    private final JdbcClient jdbc;
    private final ValuesDueService valuesDue;

    ComplianceQueries(JdbcClient jdbc, ValuesDueService valuesDue) {
        this.jdbc = jdbc;
        this.valuesDue = valuesDue;
    }

    int count(long unitId, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        return jdbc.sql("select count(*) from (" + UNITS_WITH_METRICS + ") units")
                .param("unit", unitId).param("from", month.minusMonths(6).atDay(1)).param("to", month.minusMonths(1).atDay(1))
                .query(Integer.class).single();
    }

    List<UnitCompliance> page(long unitId, LocalDate today, int offset, int limit) {
        YearMonth month = YearMonth.from(today);
        LocalDate from = month.minusMonths(6).atDay(1);
        LocalDate to = month.minusMonths(1).atDay(1);
        List<UnitRow> units = jdbc.sql(UNITS_WITH_METRICS + " order by sub.path offset :offset limit :limit")
                .param("unit", unitId).param("from", from).param("to", to).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new UnitRow(rs.getLong("id"), rs.getString("name"), rs.getString("short_code")))
                .list();
        if (units.isEmpty()) {
            return List.of();
        }
        List<Long> ids = units.stream().map(UnitRow::id).toList();
        Map<Long, int[]> counts = new LinkedHashMap<>();
        ids.forEach(id -> counts.put(id, new int[8]));
        values(ids, from, to, today, counts);
        countermeasures(ids, month, today, counts);
        List<UnitCompliance> result = new ArrayList<>();
        for (UnitRow unit : units) {
            int[] c = counts.get(unit.id());
            result.add(new UnitCompliance(unit.id(), unit.name(), unit.shortCode(), new UnitCompliance.Share(c[0], c[1]),
                    new UnitCompliance.Share(c[2], c[3]), new UnitCompliance.Share(c[4], c[5]), new UnitCompliance.Share(c[6], c[7])));
        }
        return result;
    }

    /**
     * Each monthly metric's value for each month of the window its cycle covers: on time when first
     * entered by its due date; a value not entered counts once its due date has passed.
     */
    private void values(List<Long> unitIds, LocalDate from, LocalDate to, LocalDate today, Map<Long, int[]> counts) {
        Map<Long, Integer> workingDays = valuesDue.workingDays(unitIds);
        YearMonth thisMonthsPeriod = YearMonth.from(to);
        ZoneId zone = ZoneId.systemDefault();
        jdbc.sql(SqlText.using("""
                        select m.unit_id, p.period,
                               coalesce((select min(h.changed_at) from metric_value_history h
                                         where h.metric_id = m.id and h.period = p.period), v.updated_at) as entered
                        from {plan_items} m
                        join {cycles} c on c.id = m.cycle_id
                        cross join lateral (
                            select cast(g as date) as period
                            from generate_series(cast(greatest(c.first_month, :from) as timestamp),
                                                 cast(least(c.last_month, :to) as timestamp), interval '1 month') g
                        ) p
                        left join metric_value v on v.metric_id = m.id and v.period = p.period
                        where m.unit_id in (:units) and m.kind = 'METRIC' and not m.archived and m.frequency = 'MONTHLY'
                        """, PlanRelations.PLAN_ITEMS, PlanRelations.CYCLES))
                .param("units", unitIds).param("from", from).param("to", to)
                .query(rs -> {
                    long unit = rs.getLong("unit_id");
                    YearMonth period = YearMonth.from(rs.getObject("period", LocalDate.class));
                    Timestamp entered = rs.getTimestamp("entered");
                    LocalDate due = ValuesDueService.dueDate(period,
                            workingDays.getOrDefault(unit, ValuesDueService.DEFAULT_WORKING_DAY));
                    if (entered == null && !due.isBefore(today)) {
                        return;   // not due yet
                    }
                    boolean onTime = entered != null && !entered.toInstant().atZone(zone).toLocalDate().isAfter(due);
                    int[] c = counts.get(unit);
                    if (period.equals(thisMonthsPeriod)) {
                        c[0] += onTime ? 1 : 0;
                        c[1]++;
                    }
                    c[2] += onTime ? 1 : 0;
                    c[3]++;
                });
    }

    /** Countermeasures due this month or in the 5 before it: on time when done by their due date. */
    private void countermeasures(List<Long> unitIds, YearMonth month, LocalDate today, Map<Long, int[]> counts) {
        ZoneId zone = ZoneId.systemDefault();
        jdbc.sql(SqlText.using("""
                        select m.unit_id, c.due_date, c.done_at
                        from countermeasure c join {plan_items} m on m.id = c.metric_id
                        where m.unit_id in (:units) and c.due_date between :from and :today
                        """, PlanRelations.PLAN_ITEMS))
                .param("units", unitIds).param("from", month.minusMonths(5).atDay(1)).param("today", today)
                .query(rs -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    Timestamp done = rs.getTimestamp("done_at");
                    if (done == null && !due.isBefore(today)) {
                        return;   // due today, not late yet
                    }
                    boolean onTime = done != null && !done.toInstant().atZone(zone).toLocalDate().isAfter(due);
                    int[] c = counts.get(rs.getLong("unit_id"));
                    if (YearMonth.from(due).equals(month)) {
                        c[4] += onTime ? 1 : 0;
                        c[5]++;
                    }
                    c[6] += onTime ? 1 : 0;
                    c[7]++;
                });
    }
}
