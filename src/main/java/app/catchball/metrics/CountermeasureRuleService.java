package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A trust's {@link CountermeasureRule}: whether "Red N periods running" asks for a countermeasure as
 * well as special-cause concern and failing assurance. A unit follows the trust above it (as for
 * values due). Everyone may read it; an Admin changes it.
 */
@Service
@Transactional
public class CountermeasureRuleService {

    /** The trust whose rule a unit follows, the rule and whether the signed-in user may change it. */
    public record TrustRule(long trustId, String trustName, CountermeasureRule rule, boolean editable) {
    }

    private final JdbcClient jdbc;
    private final PermissionService permissions;

    CountermeasureRuleService(JdbcClient jdbc, PermissionService permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public TrustRule rule(long unitId) {
        permissions.check(Action.VIEW, unitId);
        record Row(long trustId, String trustName, boolean on, int periods) {
        }
        Row row = jdbc.sql(ValuesDueService.TRUST_OF_UNITS + SqlText.using("""
                        select t.trust_id, u.name as trust_name, coalesce(s.red_run_on, false) as red_run_on,
                               coalesce(s.red_run_periods, :periods) as red_run_periods
                        from trust t join {units} u on u.id = t.trust_id
                        left join countermeasure_rule_setting s on s.trust_unit_id = t.trust_id
                        """, UnitRelations.UNITS))
                .param("units", Set.of(unitId)).param("periods", CountermeasureRule.MIN_PERIODS)
                .query((rs, n) -> new Row(rs.getLong("trust_id"), rs.getString("trust_name"), rs.getBoolean("red_run_on"),
                        rs.getInt("red_run_periods")))
                .optional().orElseThrow(() -> new RuleViolation("That unit does not exist."));
        return new TrustRule(row.trustId(), row.trustName(), new CountermeasureRule(row.on(), row.periods()), permissions.isAdmin());
    }

    /** Switches "Red N periods running" on or off for the unit's trust, with its N; Admins only. */
    public TrustRule change(long unitId, boolean redRunOn, Integer periods) {
        permissions.checkAdmin();
        if (periods == null || periods < CountermeasureRule.MIN_PERIODS || periods > CountermeasureRule.MAX_PERIODS) {
            throw new RuleViolation("Red periods running can be " + CountermeasureRule.MIN_PERIODS + " to "
                    + CountermeasureRule.MAX_PERIODS + ".");
        }
        long trustId = rule(unitId).trustId();
        jdbc.sql("""
                        insert into countermeasure_rule_setting (trust_unit_id, red_run_on, red_run_periods) values (:trust, :on, :n)
                        on conflict (trust_unit_id) do update set red_run_on = excluded.red_run_on,
                            red_run_periods = excluded.red_run_periods, version = countermeasure_rule_setting.version + 1
                        """).param("trust", trustId).param("on", redRunOn).param("n", periods).update();
        return rule(unitId);
    }

    /** For each unit, the rule of its trust: one statement. */
    Map<Long, CountermeasureRule> rulesOf(Collection<Long> unitIds) {
        Map<Long, CountermeasureRule> rules = new HashMap<>();
        if (unitIds.isEmpty()) {
            return rules;
        }
        jdbc.sql(ValuesDueService.TRUST_OF_UNITS + """
                        select t.unit_id, coalesce(s.red_run_on, false) as red_run_on, coalesce(s.red_run_periods, :periods) as red_run_periods
                        from trust t left join countermeasure_rule_setting s on s.trust_unit_id = t.trust_id
                        """)
                .param("units", Set.copyOf(unitIds)).param("periods", CountermeasureRule.MIN_PERIODS)
                .query(rs -> {
                    rules.put(rs.getLong("unit_id"), new CountermeasureRule(rs.getBoolean("red_run_on"), rs.getInt("red_run_periods")));
                });
        return rules;
    }
}
