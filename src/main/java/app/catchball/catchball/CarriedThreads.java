package app.catchball.catchball;

import app.catchball.base.db.SqlText;
import app.catchball.planning.CycleRolledForward;
import app.catchball.planning.sql.PlanRelations;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a cycle is rolled forward, each catchball thread carried into the new cycle keeps its history:
 * the same steps, in the same order, so its status reads true. Runs inside the roll-forward's
 * transaction (and refuses to run outside one), so a failed copy rolls the whole roll-forward back.
 */
@Component
class CarriedThreads {

    private final JdbcClient jdbc;

    CarriedThreads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CycleRolledForward event) {
        jdbc.sql(SqlText.using("""
                        insert into catchball_step (link_id, seq, move, party, actor, actor_name, at, message, title, target,
                            due_date, resources, state_after)
                        select n.id, s.seq, s.move, s.party, s.actor, s.actor_name, s.at, s.message, s.title, s.target,
                            s.due_date, s.resources, s.state_after
                        from catchball_step s
                        join {cascade_links} o on o.id = s.link_id
                        join {plan_items} ns on ns.carried_from_id = o.source_item_id and ns.cycle_id = :to
                        join {cascade_links} n on n.source_item_id = ns.id and n.child_unit_id = o.child_unit_id
                            and n.cycle_id = :to
                        """, PlanRelations.CASCADE_LINKS, PlanRelations.PLAN_ITEMS))
                .param("to", event.toCycleId()).update();
    }
}
