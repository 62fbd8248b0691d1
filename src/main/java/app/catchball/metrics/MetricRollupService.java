package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.PermissionService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets that connect levels: a child unit's metric contributes to a metric of a unit above it by
 * the parent's rule (sum, mean or ratio of sums). Everyone reads roll-ups; who may link is decided by
 * {@link PermissionService#mayLinkMetrics}. Bad links (a circle, a parent not above the child, a
 * second rule for one parent) are refused with a clear message and change nothing.
 */
@Service
@Transactional
public class MetricRollupService {

    private final JdbcClient jdbc;
    private final MetricRollupQueries queries;
    private final MetricsService metrics;
    private final OrganisationService organisation;
    private final PermissionService permissions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MetricRollupService(JdbcClient jdbc, MetricRollupQueries queries, MetricsService metrics, OrganisationService organisation,
                        PermissionService permissions, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.metrics = metrics;
        this.organisation = organisation;
        this.permissions = permissions;
        this.clock = clock;
        this.events = events;
    }

    /** The metric's roll-up over the months of its cycle, or empty when it neither contributes nor has contributors. */
    @Transactional(readOnly = true)
    public Optional<MetricRollup> rollupOf(long metricId) {
        MetricInfo metric = metrics.metric(metricId);
        return Optional.ofNullable(queries.rollups(List.of(metric)).get(metricId));
    }

    /** The roll-ups of a list of metrics (e.g. a unit's), in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, MetricRollup> rollupsOf(Collection<MetricInfo> list) {
        permissions.checkView();
        if (list.isEmpty()) {
            return Map.of();
        }
        return queries.rollups(list);
    }

    /**
     * What a metric's page shows about levels: its roll-up (null when it neither contributes nor has
     * contributors) and whether the signed-in user may link it.
     */
    public record RollupPage(MetricRollup rollup, boolean mayLink) {
    }

    /** The metrics this one may contribute to: those of the units above its own, in the same cycle. */
    @Transactional(readOnly = true)
    public List<MetricInfo> candidates(long metricId) {
        return candidates(metrics.metric(metricId));
    }

    private List<MetricInfo> candidates(MetricInfo metric) {
        return jdbc.sql(MetricsService.METRIC_COLUMNS + SqlText.using("""
                         where m.unit_id in (
                             with recursive up (id, parent_id) as (
                                 select id, parent_id from {units} where id = :unit
                                 union all
                                 select p.id, p.parent_id from {units} p join up on p.id = up.parent_id
                             )
                             select id from up where id <> :unit)
                           and m.cycle_id = :cycle and m.kind = 'METRIC' and not m.archived
                         order by u.name, m.sort_order, m.number
                        """, UnitRelations.UNITS)).param("unit", metric.unitId()).param("cycle", metric.cycleId())
                .query(Rows.of(MetricInfo.class)).list();
    }

    /** Whether the signed-in user may link this metric to a metric above (and remove its link). */
    @Transactional(readOnly = true)
    public boolean mayLink(long metricId) {
        MetricInfo metric = metrics.metric(metricId);
        return permissions.mayLinkMetrics(metric.unitId(), metric.unitId());
    }

    /**
     * Makes a child unit's metric contribute to a metric of a unit above it, by the rule (for a ratio
     * of sums, as its numerator or denominator). A metric already linked to the same parent takes the
     * new rule; one linked elsewhere is refused.
     */
    public MetricRollup link(long metricId, long parentMetricId, RollupRule rule, RatioPart part) {
        MetricInfo child = metrics.metric(metricId);
        MetricInfo parent = metrics.metric(parentMetricId);
        permissions.checkLinkMetrics(child.unitId(), parent.unitId());
        refuseBadLink(child, parent, rule, part);
        jdbc.sql("""
                        insert into metric_rollup (metric_id, parent_metric_id, rule, part, created_at, created_by)
                        values (:m, :p, :rule, :part, :at, :by)
                        on conflict (metric_id) do update set rule = excluded.rule, part = excluded.part,
                            version = metric_rollup.version + 1
                        """)
                .param("m", metricId).param("p", parentMetricId).param("rule", rule.name())
                .param("part", rule == RollupRule.RATIO ? part.name() : null)
                .param("at", Timestamp.from(clock.instant())).param("by", permissions.requireUsername()).update();
        changed(child);
        changed(parent);
        return queries.rollups(List.of(child)).get(metricId);
    }

    /** Ends a metric's contribution to its parent metric. */
    public void unlink(long metricId) {
        MetricInfo child = metrics.metric(metricId);
        Long parentId = jdbc.sql("select parent_metric_id from metric_rollup where metric_id = :m").param("m", metricId)
                .query(Long.class).optional().orElseThrow(() -> new RuleViolation(child.label() + " contributes to no metric above."));
        MetricInfo parent = metrics.metric(parentId);
        permissions.checkLinkMetrics(child.unitId(), parent.unitId());
        jdbc.sql("delete from metric_rollup where metric_id = :m").param("m", metricId).update();
        changed(child);
        changed(parent);
    }

    /** Refuses a link that cannot add up, with the reason; checks run before anything is written. */
    void refuseBadLink(MetricInfo child, MetricInfo parent, RollupRule rule, RatioPart part) {
        if (rule == null) {
            throw new RuleViolation("Choose how the metrics add up: sum, mean or ratio of sums.");
        }
        if (child.id() == parent.id()) {
            throw new RuleViolation("A metric cannot contribute to itself.");
        }
        if (child.archived() || parent.archived()) {
            throw new RuleViolation((child.archived() ? child : parent).label() + " is archived: it cannot be linked.");
        }
        if (child.cycleId() != parent.cycleId()) {
            throw new RuleViolation(child.label() + " and " + parent.label() + " belong to different cycles.");
        }
        if (reachesUp(parent.id(), child.id())) {
            throw new RuleViolation("That would go round in a circle: " + parent.label() + " of " + parent.unitName()
                    + " already adds up to " + child.label() + " of " + child.unitName() + ".");
        }
        if (organisation.ancestors(child.unitId()).stream().map(UnitNode::id).noneMatch(id -> id == parent.unitId())) {
            throw new RuleViolation(parent.label() + " is on " + parent.unitName() + ", which is not above " + child.unitName()
                    + ": a metric contributes only to a metric of a unit above its own.");
        }
        if (rule == RollupRule.RATIO && part == null) {
            throw new RuleViolation("Say whether " + child.label() + " is the numerator or the denominator of the ratio.");
        }
        List<String> otherRules = jdbc.sql("select distinct rule from metric_rollup where parent_metric_id = :p and metric_id <> :m")
                .param("p", parent.id()).param("m", child.id()).query(String.class).list();
        if (otherRules.stream().anyMatch(r -> !r.equals(rule.name()))) {
            throw new RuleViolation(parent.label() + " of " + parent.unitName() + " adds up its contributors by "
                    + RollupRule.valueOf(otherRules.getFirst()).label() + ": link with " + RollupRule.valueOf(otherRules.getFirst()).label()
                    + " too, or remove those links first.");
        }
        Optional<Long> elsewhere = jdbc.sql("select parent_metric_id from metric_rollup where metric_id = :m and parent_metric_id <> :p")
                .param("m", child.id()).param("p", parent.id()).query(Long.class).optional();
        if (elsewhere.isPresent()) {
            MetricInfo other = metrics.metric(elsewhere.get());
            throw new RuleViolation(child.label() + " already contributes to " + other.label() + " of " + other.unitName()
                    + ": remove that link first.");
        }
    }

    /** Whether the metric, following its links upwards, reaches the target metric. */
    private boolean reachesUp(long fromMetricId, long targetMetricId) {
        return jdbc.sql("""
                        with recursive up (id) as (
                            select parent_metric_id from metric_rollup where metric_id = :from
                            union
                            select r.parent_metric_id from metric_rollup r join up on r.metric_id = up.id
                        )
                        select exists (select 1 from up where id = :target)
                        """).param("from", fromMetricId).param("target", targetMetricId).query(Boolean.class).single();
    }

    private void changed(MetricInfo metric) {
        String by = permissions.requireUsername();
        events.publishEvent(new MetricChanged(metric.unitId(), metric.cycleId(), metric.id(), by, permissions.displayName(by)));
    }
}
