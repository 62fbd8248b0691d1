package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.Corner;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catchball on a number: a proposal may name a metric of the parent unit; its target must then be a
 * number, and agreement puts that number in the child's metric (created on the child's X-matrix
 * when it has none of that name, else updated) and links it to the parent's metric, so the agreed
 * number lands in the metric and the parent's roll-up, not only in prose.
 */
@Service
@Transactional
public class MetricCommitmentService {

    /** A number, perhaps with thousands separators and something after it: "18", "1,200", "92.5 %". */
    private static final Pattern NUMBER = Pattern.compile("\\s*([-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(\\S.*)?");
    private static final BigDecimal LIMIT = new BigDecimal("10000000000");

    private final JdbcClient jdbc;
    private final MetricsService metrics;
    private final MetricRollupService rollups;
    private final PlanningService planning;
    private final OrganisationService organisation;
    private final PermissionService permissions;

    MetricCommitmentService(JdbcClient jdbc, MetricsService metrics, MetricRollupService rollups, PlanningService planning,
                            OrganisationService organisation, PermissionService permissions) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.rollups = rollups;
        this.planning = planning;
        this.organisation = organisation;
        this.permissions = permissions;
    }

    /** Ties a new thread to a parent's metric: refused unless the metric is above the child and the target is a number. */
    public void attach(CascadeLinkView link, CommitmentTerms terms) {
        permissions.check(Action.CATCHBALL, link.parentUnitId());
        MetricInfo parent = metrics.metric(terms.parentMetricId());
        if (terms.rule() == null) {
            throw new RuleViolation("Choose how the units' numbers add up to " + parent.label() + ": sum or mean.");
        }
        if (terms.rule() == RollupRule.RATIO) {
            throw new RuleViolation("A ratio of sums needs a numerator and a denominator from each unit: link those on the "
                    + "metric's page instead.");
        }
        if (parent.archived()) {
            throw new RuleViolation(parent.label() + " is archived: a proposal cannot commit a number to it.");
        }
        if (parent.cycleId() != link.cycleId()) {
            throw new RuleViolation(parent.label() + " belongs to another cycle than this proposal.");
        }
        if (organisation.ancestors(link.childUnitId()).stream().map(UnitNode::id).noneMatch(id -> id == parent.unitId())) {
            throw new RuleViolation(parent.label() + " is on " + parent.unitName() + ", which is not above "
                    + link.childUnitName() + ": choose a metric of " + link.parentUnitName() + " or a unit above it.");
        }
        String rule = jdbc.sql("select rule from metric_rollup where parent_metric_id = :p limit 1").param("p", parent.id())
                .query(String.class).optional().orElse(terms.rule().name());
        if (!rule.equals(terms.rule().name())) {
            throw new RuleViolation(parent.label() + " adds up its units by " + RollupRule.valueOf(rule).label()
                    + ": choose " + RollupRule.valueOf(rule).label() + " too.");
        }
        number(link.target(), parent);
        jdbc.sql("insert into metric_commitment (link_id, parent_metric_id, rule) values (:l, :p, :r)")
                .param("l", link.id()).param("p", parent.id()).param("r", terms.rule().name()).update();
    }

    /** Refuses a target that is not a number when the thread commits a number to a metric; other threads pass. */
    @Transactional(readOnly = true)
    public void checkTarget(CascadeLinkView link, String target) {
        permissions.check(Action.VIEW, link.parentUnitId());
        Optional<Long> parent = jdbc.sql("select parent_metric_id from metric_commitment where link_id = :l")
                .param("l", link.id()).query(Long.class).optional();
        if (parent.isPresent()) {
            number(target, metrics.metric(parent.get()));
        }
    }

    /**
     * After agreement: the agreed number becomes the target of the child's metric (created, or the
     * child's metric of the same name updated) and that metric contributes to the parent's. Nothing
     * for a thread without a metric.
     */
    public Optional<Commitment> agreed(CascadeLinkView link) {
        permissions.check(Action.CATCHBALL, link.childUnitId());
        record Row(long parentMetricId, String rule, Long childMetricId) {
        }
        Optional<Row> row = jdbc.sql("select parent_metric_id, rule, child_metric_id from metric_commitment where link_id = :l")
                .param("l", link.id()).query(Rows.of(Row.class)).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        MetricInfo parent = metrics.metric(row.get().parentMetricId());
        BigDecimal number = number(link.target(), parent);
        Optional<MetricInfo> existing = metrics.metricsOf(link.childUnitId(), link.cycleId()).stream()
                .filter(m -> row.get().childMetricId() != null ? m.id() == row.get().childMetricId() : m.title().equalsIgnoreCase(parent.title()))
                .findFirst();
        long childMetricId;
        if (existing.isPresent()) {
            ItemView item = planning.item(existing.get().id());
            planning.updateItem(item.id(), item.toDraft().withMetric(item.unitOfMeasure(), item.direction(), item.baseline(), number,
                    item.dueDate() == null ? link.dueDate() : item.dueDate()), item.version());
            childMetricId = item.id();
        } else {
            ItemView created = planning.createItem(link.childUnitId(), link.cycleId(), ItemKind.METRIC,
                    ItemDraft.titled(parent.title()).withMetric(parent.unitOfMeasure(), parent.direction(), null, number, link.dueDate())
                            .withDescription("Agreed through catchball with " + link.parentUnitName() + "; adds up to "
                                    + parent.label() + "."));
            childMetricId = created.id();
            if (link.inputItemId() != null) {
                planning.cycleCorrelation(Corner.SE, childMetricId, link.inputItemId());
            }
        }
        rollups.link(childMetricId, parent.id(), RollupRule.valueOf(row.get().rule()), null);
        jdbc.sql("update metric_commitment set child_metric_id = :c, version = version + 1 where link_id = :l")
                .param("c", childMetricId).param("l", link.id()).update();
        return ofThread(link);
    }

    /** The thread's number for a parent's metric, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Commitment> ofThread(CascadeLinkView link) {
        permissions.check(Action.VIEW, link.parentUnitId());
        return jdbc.sql(SqlText.using("""
                        select c.link_id, c.parent_metric_id, 'M' || p.number || ' ' || p.title as parent_label,
                               pu.name as parent_unit_name, c.rule, c.child_metric_id,
                               'M' || k.number || ' ' || k.title as child_label, ku.name as child_unit_name, k.target as child_target
                        from metric_commitment c
                        join {plan_items} p on p.id = c.parent_metric_id
                        join {units} pu on pu.id = p.unit_id
                        left join {plan_items} k on k.id = c.child_metric_id
                        left join {units} ku on ku.id = k.unit_id
                        where c.link_id = :l
                        """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS)).param("l", link.id())
                .query((rs, n) -> new Commitment(rs.getLong("link_id"), rs.getLong("parent_metric_id"), rs.getString("parent_label"),
                        rs.getString("parent_unit_name"), RollupRule.valueOf(rs.getString("rule")),
                        (Long) rs.getObject("child_metric_id"), rs.getString("child_label"), rs.getString("child_unit_name"),
                        rs.getBigDecimal("child_target")))
                .optional();
    }

    /**
     * The number in a target such as "18", "1,200" or "92.5 %", or a refusal that names the metric.
     * After the number only the metric's unit of measure may follow ("92.5 %"), so "30 % fewer" is refused.
     */
    static BigDecimal number(String target, MetricInfo parent) {
        String hint = ": a proposal for " + parent.label() + " needs a number as its target, such as 18.";
        if (target == null || target.isBlank()) {
            throw new RuleViolation("The target is missing" + hint);
        }
        Matcher m = NUMBER.matcher(target);
        String unit = parent.unitOfMeasure() == null ? "" : parent.unitOfMeasure().strip();
        if (!m.matches() || m.group(2) != null && !m.group(2).strip().equalsIgnoreCase(unit)) {
            throw new RuleViolation("The target “" + target.strip() + "” is not a number" + hint);
        }
        BigDecimal number = new BigDecimal(m.group(1).replace(",", "").replace("+", ""));
        if (number.abs().compareTo(LIMIT) >= 0) {
            throw new RuleViolation("The target " + target.strip() + " is too large" + hint);
        }
        return number;
    }
}
