package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.base.WorkingDays;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A trust's "values due by working day N": a month's values are due by the N-th working day of the
 * following month (weekends and English bank holidays are not working days; {@link WorkingDays}).
 * Without a setting, working day {@value #DEFAULT_WORKING_DAY}. A unit follows the trust above it (the
 * top of the tree when no unit above is a trust). Everyone may read it; an Admin changes it.
 */
@Service
@Transactional
public class ValuesDueService {

    public static final int DEFAULT_WORKING_DAY = 5;

    /** The trust whose setting a unit follows, its working day N and whether the signed-in user may change it. */
    public record ValuesDue(long trustId, String trustName, int workingDay, boolean editable) {
    }

    /** For each unit: the nearest trust at or above it, else the top of the tree. */
    static final String TRUST_OF_UNITS = SqlText.using("""
            with recursive up (origin, id, parent_id, level_code, depth) as (
                select id, id, parent_id, level_code, 0 from {units} where id in (:units)
                union all
                select up.origin, p.id, p.parent_id, p.level_code, up.depth + 1 from {units} p join up on p.id = up.parent_id
            ), trust as (
                select distinct on (origin) origin as unit_id, id as trust_id from up
                order by origin, (level_code = 'TRUST') desc, (parent_id is null) desc, depth
            )
            """, UnitRelations.UNITS);

    private final JdbcClient jdbc;
    private final PermissionService permissions;

    ValuesDueService(JdbcClient jdbc, PermissionService permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public ValuesDue valuesDue(long unitId) {
        permissions.check(Action.VIEW, unitId);
        record Row(long trustId, String trustName, int workingDay) {
        }
        Row row = jdbc.sql(TRUST_OF_UNITS + SqlText.using("""
                        select t.trust_id, u.name as trust_name, coalesce(s.working_day, :default) as working_day
                        from trust t join {units} u on u.id = t.trust_id
                        left join values_due_setting s on s.trust_unit_id = t.trust_id
                        """, UnitRelations.UNITS))
                .param("units", Set.of(unitId)).param("default", DEFAULT_WORKING_DAY)
                .query((rs, n) -> new Row(rs.getLong("trust_id"), rs.getString("trust_name"), rs.getInt("working_day")))
                .optional().orElseThrow(() -> new RuleViolation("That unit does not exist."));
        return new ValuesDue(row.trustId(), row.trustName(), row.workingDay(), permissions.isAdmin());
    }

    /** Sets the working day by which the values of the unit's trust are due; Admins only. */
    public ValuesDue changeValuesDueDay(long unitId, int workingDay) {
        permissions.checkAdmin();
        if (workingDay < 1 || workingDay > 20) {
            throw new RuleViolation("Values can be due by working day 1 to 20 of the following month.");
        }
        long trustId = valuesDue(unitId).trustId();
        jdbc.sql("""
                        insert into values_due_setting (trust_unit_id, working_day) values (:trust, :day)
                        on conflict (trust_unit_id) do update set working_day = excluded.working_day,
                            version = values_due_setting.version + 1
                        """).param("trust", trustId).param("day", workingDay).update();
        return valuesDue(unitId);
    }

    /** For each unit, the working day N of its trust: one statement. */
    Map<Long, Integer> workingDays(Collection<Long> unitIds) {
        Map<Long, Integer> days = new HashMap<>();
        if (unitIds.isEmpty()) {
            return days;
        }
        jdbc.sql(TRUST_OF_UNITS + """
                        select t.unit_id, coalesce(s.working_day, :default) as working_day
                        from trust t left join values_due_setting s on s.trust_unit_id = t.trust_id
                        """)
                .param("units", Set.copyOf(unitIds)).param("default", DEFAULT_WORKING_DAY)
                .query(rs -> {
                    days.put(rs.getLong("unit_id"), rs.getInt("working_day"));
                });
        return days;
    }

    /** The day a month's value is due: working day N of the following month. */
    static LocalDate dueDate(YearMonth period, int workingDay) {
        return WorkingDays.nth(period.plusMonths(1), workingDay);
    }
}
