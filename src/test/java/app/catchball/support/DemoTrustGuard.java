package app.catchball.support;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Tests own their data. The demo trust is what fixed-data checks read (Ward 7's warnings, its three
 * metrics, its 24 months of history, its projects; the trust's cascade; EAM's roll-ups), so a test
 * class that changes it breaks classes it knows nothing about. This listener takes a fingerprint of
 * the demo units' data before each test class and fails the class when the fingerprint differs
 * afterwards: make the class use units of its own ({@link Fixtures#ward}, {@link Fixtures#division})
 * or roll back.
 *
 * <p>The demo units are the units that exist when the first test class of an application context
 * starts, before any test has made one. The fingerprint covers their plan items, correlations,
 * cascade links, series values and SPC settings, rebases, trajectories, bowling rules, roll-ups,
 * countermeasures, commentary and annotations, projects and role grants; version and audit columns
 * are left out, so a change put back exactly counts as no change.
 *
 * <p>{@link #STILL_CHANGING_DEMO} names the classes that have not moved yet. An entry fails as soon as
 * its class leaves the demo trust alone, so the list can only shrink.
 */
public class DemoTrustGuard implements TestExecutionListener {

    /** Classes that still change the demo trust's data and have not been moved to units of their own yet. */
    static final Set<String> STILL_CHANGING_DEMO = Set.of();

    /** Per application context (its JdbcClient), the ids of the units that were there before any test ran. */
    private static final Map<JdbcClient, List<Long>> DEMO_UNITS = new ConcurrentHashMap<>();

    private static final String FINGERPRINT = """
            with w as (select id from org_unit where id in (:demo)),
                 items as (select id from plan_item where unit_id in (select id from w)),
                 series as (select id from metric_series where unit_id in (select id from w))
            select
                md5(coalesce((select string_agg((to_jsonb(t) - 'version' - 'updated_at' - 'updated_by')::text, ',' order by t.id)
                    from plan_item t where t.unit_id in (select id from w)), '')) as "plan items",
                md5(coalesce((select string_agg(to_jsonb(t)::text, ',' order by t.item_a_id, t.item_b_id, t.corner)
                    from correlation t where t.item_a_id in (select id from items) or t.item_b_id in (select id from items)), '')) as "correlations",
                md5(coalesce((select string_agg((to_jsonb(t) - 'version' - 'updated_at' - 'updated_by')::text, ',' order by t.id)
                    from cascade_link t where t.child_unit_id in (select id from w) or t.source_item_id in (select id from items)), '')) as "cascade links",
                md5(coalesce((select string_agg(concat_ws(':', t.series_id, t.period, t.value), ',' order by t.series_id, t.period)
                    from series_value t where t.series_id in (select id from series)), '')) as "series values",
                md5(coalesce((select string_agg((to_jsonb(t) - 'version' - 'updated_at' - 'updated_by')::text, ',' order by t.series_id)
                    from series_spc_settings t where t.series_id in (select id from series)), '')) as "SPC settings",
                md5(coalesce((select string_agg(concat_ws(':', t.series_id, t.period, t.reason), ',' order by t.series_id, t.period)
                    from series_rebase t where t.series_id in (select id from series)), '')) as "rebases",
                md5(coalesce((select string_agg(concat_ws(':', t.metric_id, t.period, t.target), ',' order by t.metric_id, t.period)
                    from metric_trajectory t where t.metric_id in (select id from items)), '')) as "trajectories",
                md5(coalesce((select string_agg((to_jsonb(t) - 'version' - 'updated_at' - 'updated_by')::text, ',' order by t.metric_id)
                    from metric_bowling_rule t where t.metric_id in (select id from items)), '')) as "bowling rules",
                md5(coalesce((select string_agg((to_jsonb(t) - 'version' - 'updated_at' - 'updated_by' - 'created_at')::text, ',' order by t.id)
                    from metric_rollup t where t.metric_id in (select id from items) or t.parent_metric_id in (select id from items)), '')) as "roll-ups",
                md5(coalesce((select string_agg((to_jsonb(t) - 'version' - 'updated_at' - 'updated_by' - 'done_at')::text, ',' order by t.id)
                    from countermeasure t where t.metric_id in (select id from items)), '')) as "countermeasures",
                md5(coalesce((select string_agg(concat_ws(':', t.id, t.metric_id, t.period, t.what_happened, t.why, t.what_next), ',' order by t.id)
                    from metric_commentary t where t.metric_id in (select id from items)), '')) as "commentary",
                md5(coalesce((select string_agg(concat_ws(':', t.id, t.metric_id, t.noted_on, t.text), ',' order by t.id)
                    from metric_annotation t where t.metric_id in (select id from items)), '')) as "annotations",
                md5(coalesce((select string_agg((to_jsonb(t) - 'version' - 'updated_at' - 'updated_by')::text, ',' order by t.id)
                    from project t where t.unit_id in (select id from w)), '')) as "projects",
                md5(coalesce((select string_agg(concat_ws(':', t.id, t.user_id, t.role), ',' order by t.id)
                    from role_grant t where t.unit_id in (select id from w)), '')) as "role grants"
            """;

    private Map<String, Object> before;

    @Override
    public void beforeTestClass(TestContext testContext) {
        before = fingerprint(testContext);
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        Map<String, Object> after = fingerprint(testContext);
        String name = testContext.getTestClass().getSimpleName();
        List<String> changed = before == null ? List.of()
                : after.keySet().stream().filter(part -> !Objects.equals(before.get(part), after.get(part))).toList();
        if (!changed.isEmpty() && !STILL_CHANGING_DEMO.contains(name)) {
            throw new AssertionError(name + " changed the demo trust's data and left it changed (" + String.join(", ", changed)
                    + "). Tests own their data: give the class units of its own (Fixtures.ward) or roll its changes back.");
        }
        if (changed.isEmpty() && STILL_CHANGING_DEMO.contains(name)) {
            throw new AssertionError(name + " left the demo trust as it found it: take it off DemoTrustGuard.STILL_CHANGING_DEMO.");
        }
    }

    private static Map<String, Object> fingerprint(TestContext testContext) {
        JdbcClient jdbc = testContext.getApplicationContext().getBean(JdbcClient.class);
        List<Long> demo = DEMO_UNITS.computeIfAbsent(jdbc, j -> j.sql("select id from org_unit").query(Long.class).list());
        return jdbc.sql(FINGERPRINT).param("demo", demo).query().singleRow();
    }
}
