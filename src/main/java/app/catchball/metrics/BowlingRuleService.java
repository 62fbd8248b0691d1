package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each metric's bowling chart is read ({@link BowlingRule}): its aggregation, amber band and
 * ratio parts. Everyone may read it; those who may change the metric (Leads of its unit or above,
 * {@link Action#EDIT_PLAN}) change it.
 */
@Service
@Transactional
public class BowlingRuleService {

    static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(100);

    private final MetricsService metrics;
    private final BowlingRules rules;
    private final PermissionService permissions;
    private final ApplicationEventPublisher events;

    BowlingRuleService(MetricsService metrics, BowlingRules rules, PermissionService permissions, ApplicationEventPublisher events) {
        this.metrics = metrics;
        this.rules = rules;
        this.permissions = permissions;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public BowlingRule rule(long metricId) {
        metrics.metric(metricId);
        return rules.rule(metricId);
    }

    /** The metrics a ratio metric may name as its numerator or denominator: the others of its unit and cycle. */
    @Transactional(readOnly = true)
    public List<MetricInfo> ratioParts(long metricId) {
        MetricInfo metric = metrics.metric(metricId);
        return metrics.metricsOf(metric.unitId(), metric.cycleId()).stream().filter(m -> m.id() != metricId).toList();
    }

    /**
     * Changes the rule, or refuses it whole with a clear message: a tolerance is zero or more (a
     * percentage at most 100); a ratio names two different metrics of its own unit and cycle, neither
     * itself a ratio.
     */
    public BowlingRule changeRule(long metricId, BowlingRule rule) {
        MetricInfo metric = metrics.metric(metricId);
        permissions.check(Action.EDIT_PLAN, metric.unitId());
        if (rule == null || rule.aggregation() == null) {
            throw new RuleViolation("Please choose how the months add up: sum, mean, latest or ratio.");
        }
        if (rule.tolerance() != null) {
            if (rule.tolerance().signum() < 0) {
                throw new RuleViolation("The amber tolerance cannot be negative.");
            }
            if (rule.tolerancePercent() && rule.tolerance().compareTo(MAX_PERCENT) > 0) {
                throw new RuleViolation("The amber tolerance is a percentage of the target: at most 100 %.");
            }
            if (ValueRules.valueProblem(rule.tolerance()) != null) {
                throw new RuleViolation("The amber tolerance must be smaller than 1,000,000,000,000.");
            }
        }
        BowlingRule saved = rule.aggregation() == Aggregation.RATIO ? ratio(metric, rule)
                : new BowlingRule(rule.aggregation(), rule.tolerance(), rule.tolerancePercent(), null, null);
        rules.save(metricId, saved);
        String by = permissions.requireUsername();
        events.publishEvent(new MetricChanged(metric.unitId(), metric.cycleId(), metric.id(), by, permissions.displayName(by)));
        return rules.rule(metricId);
    }

    private BowlingRule ratio(MetricInfo metric, BowlingRule rule) {
        if (rule.numeratorId() == null || rule.denominatorId() == null) {
            throw new RuleViolation("A ratio needs a numerator and a denominator: choose two other metrics of "
                    + metric.unitName() + ".");
        }
        if (rules.isRatioPart(metric.id())) {
            throw new RuleViolation(metric.label() + " is the numerator or denominator of another metric's ratio: "
                    + "it cannot be a ratio itself.");
        }
        if (rule.numeratorId().equals(rule.denominatorId())) {
            throw new RuleViolation("The numerator and the denominator must be different metrics.");
        }
        List<MetricInfo> parts = ratioParts(metric.id());
        for (Long part : List.of(rule.numeratorId(), rule.denominatorId())) {
            MetricInfo found = parts.stream().filter(m -> m.id() == part).findFirst().orElseThrow(() -> new RuleViolation(
                    "A ratio's numerator and denominator are other metrics of " + metric.unitName() + " in the same cycle."));
            if (rules.rule(found.id()).aggregation() == Aggregation.RATIO) {
                throw new RuleViolation(found.label() + " is itself a ratio: a numerator or denominator must be counted, "
                        + "not a ratio.");
            }
        }
        return new BowlingRule(Aggregation.RATIO, rule.tolerance(), rule.tolerancePercent(), rule.numeratorId(), rule.denominatorId());
    }
}
