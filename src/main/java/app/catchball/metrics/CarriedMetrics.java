package app.catchball.metrics;

import app.catchball.base.db.SqlText;
import app.catchball.planning.CycleRolledForward;
import app.catchball.planning.sql.PlanRelations;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a cycle is rolled forward, each carried metric keeps what belongs to it in a cycle: its bowling
 * rule (aggregation, amber band, ratio parts), its roll-up link to the parent's metric, and the number a
 * carried catchball thread commits to a parent's metric. What belongs to the series (values, their
 * history, SPC settings, rebases) is the same series already; trajectories plan the old cycle's months
 * and countermeasures were raised on the old cycle's item, so neither is copied. Runs inside the
 * roll-forward's transaction (and refuses to run outside one): a failed copy rolls it all back.
 */
@Component
class CarriedMetrics {

    private final JdbcClient jdbc;

    CarriedMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CycleRolledForward event) {
        // A ratio part that was not carried (archived) stays named: it is the same series, so the ratio still reads.
        jdbc.sql(SqlText.using("""
                        insert into metric_bowling_rule (metric_id, aggregation, tolerance, tolerance_percent, numerator_id, denominator_id)
                        select n.id, r.aggregation, r.tolerance, r.tolerance_percent, coalesce(nn.id, r.numerator_id),
                            coalesce(nd.id, r.denominator_id)
                        from metric_bowling_rule r
                        join {plan_items} n on n.carried_from_id = r.metric_id and n.cycle_id = :to
                        left join {plan_items} nn on nn.carried_from_id = r.numerator_id and nn.cycle_id = :to
                        left join {plan_items} nd on nd.carried_from_id = r.denominator_id and nd.cycle_id = :to
                        """, PlanRelations.PLAN_ITEMS)).param("to", event.toCycleId()).update();
        // A link is carried when both metrics are, like a correlation; it keeps who made it and when.
        jdbc.sql(SqlText.using("""
                        insert into metric_rollup (metric_id, parent_metric_id, rule, part, created_at, created_by)
                        select nc.id, np.id, r.rule, r.part, r.created_at, r.created_by
                        from metric_rollup r
                        join {plan_items} nc on nc.carried_from_id = r.metric_id and nc.cycle_id = :to
                        join {plan_items} np on np.carried_from_id = r.parent_metric_id and np.cycle_id = :to
                        """, PlanRelations.PLAN_ITEMS)).param("to", event.toCycleId()).update();
        // A thread is one per source item and child unit (cascade_link_uk), so its copy is found by both.
        jdbc.sql(SqlText.using("""
                        insert into metric_commitment (link_id, parent_metric_id, rule, child_metric_id)
                        select n.id, np.id, c.rule, nc.id
                        from metric_commitment c
                        join {cascade_links} o on o.id = c.link_id
                        join {plan_items} ns on ns.carried_from_id = o.source_item_id and ns.cycle_id = :to
                        join {cascade_links} n on n.source_item_id = ns.id and n.child_unit_id = o.child_unit_id
                            and n.cycle_id = :to
                        join {plan_items} np on np.carried_from_id = c.parent_metric_id and np.cycle_id = :to
                        left join {plan_items} nc on nc.carried_from_id = c.child_metric_id and nc.cycle_id = :to
                        """, PlanRelations.CASCADE_LINKS, PlanRelations.PLAN_ITEMS)).param("to", event.toCycleId()).update();
    }
}
