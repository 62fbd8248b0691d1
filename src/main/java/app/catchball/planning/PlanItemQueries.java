package app.catchball.planning;

import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.sql.UserRelations;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of the plan: an X-matrix's items and correlations, single items, True North goals and line of sight. */
@Repository
class PlanItemQueries {

    private static final String ITEM_COLUMNS = SqlText.using("""
             i.id, i.unit_id, i.cycle_id, i.kind, i.number, i.sort_order, i.title, i.description,
             i.accountable_user_id, acc.display_name as accountable_name, i.true_north_id, i.source_item_id,
             su.name as source_unit_name, i.unit_of_measure, i.direction, i.baseline, i.target, i.due_date,
             i.owner_user_id, ow.display_name as owner_name, i.team_name, i.archived, i.updated_by, i.updated_at,
             i.version
            from plan_item i
            left join {users} acc on acc.id = i.accountable_user_id
            left join {users} ow on ow.id = i.owner_user_id
            left join plan_item src on src.id = i.source_item_id
            left join {units} su on su.id = src.unit_id
            """, UserRelations.USERS, UnitRelations.UNITS);

    /** The line-of-sight edges up from {@code up.id}. */
    private static final String UP_EDGES = LineOfSightEdges.up("up.id");


    private final JdbcClient jdbc;

    PlanItemQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ItemView> item(long itemId) {
        return jdbc.sql("select" + ITEM_COLUMNS + " where i.id = :id").param("id", itemId).query(Rows.of(ItemView.class))
                .optional();
    }

    /** The items of a unit's X-matrix in a cycle, with its True North goals, in matrix order. */
    List<ItemView> matrixItems(long unitId, long cycleId) {
        return jdbc.sql("select" + ITEM_COLUMNS + """
                        where i.unit_id = :unit and (i.cycle_id = :cycle or i.kind = 'TRUE_NORTH') and not i.archived
                        order by i.sort_order, i.number
                        """)
                .param("unit", unitId).param("cycle", cycleId).query(Rows.of(ItemView.class)).list();
    }

    /** The correlations between the items of a unit's X-matrix in a cycle. */
    List<CorrelationView> matrixCorrelations(long unitId, long cycleId) {
        return jdbc.sql("""
                        select c.corner, c.item_a_id as a, c.item_b_id as b, c.strength
                        from correlation c
                        join plan_item ia on ia.id = c.item_a_id
                        join plan_item ib on ib.id = c.item_b_id
                        where ia.unit_id = :unit and ia.cycle_id = :cycle and not ia.archived and not ib.archived
                        """)
                .param("unit", unitId).param("cycle", cycleId).query(Rows.of(CorrelationView.class)).list();
    }

    /** The unit's True North goals and those of the units above it. */
    List<ItemView> trueNorthFor(long unitId) {
        return jdbc.sql(SqlText.using("""
                        with recursive up (id, parent_id) as (
                            select id, parent_id from {units} where id = :unit
                            union all
                            select p.id, p.parent_id from {units} p join up on p.id = up.parent_id
                        )
                        select""", UnitRelations.UNITS) + ITEM_COLUMNS + """
                        where i.kind = 'TRUE_NORTH' and not i.archived and i.unit_id in (select id from up)
                        order by i.sort_order, i.number
                        """)
                .param("unit", unitId).query(Rows.of(ItemView.class)).list();
    }

    /** Everything an item serves, up to True North, in one statement: the item first, then step by step. */
    List<TraceNode> lineOfSight(long itemId) {
        return jdbc.sql("""
                        with recursive up (id, via_id, depth, path) as (
                            select id, null::bigint, 0, array[id] from plan_item where id = :item
                            union all
                            select e.parent_id, up.id, up.depth + 1, up.path || e.parent_id
                            from up
                            cross join lateral (""" + UP_EDGES + SqlText.using("""
                            ) e
                            join plan_item p on p.id = e.parent_id and not p.archived
                            where not e.parent_id = any(up.path)
                        )
                        select up.id, up.via_id, up.depth, i.kind, i.number, i.title, i.unit_id, u.name as unit_name
                        from up join plan_item i on i.id = up.id join {units} u on u.id = i.unit_id
                        order by up.depth, i.kind, i.number
                        """, UnitRelations.UNITS))
                .param("item", itemId).query(Rows.of(TraceNode.class)).list();
    }

    /** The child units an item is already deployed to. */
    Set<Long> deployedTo(long sourceItemId) {
        return new HashSet<>(jdbc.sql("select child_unit_id from cascade_link where source_item_id = :s")
                .param("s", sourceItemId).query(Long.class).list());
    }

    /** A user's display name, or the username when there is no such user. */
    String displayName(String username) {
        return jdbc.sql(SqlText.using("select display_name from {users} where lower(username) = lower(:u)", UserRelations.USERS)).param("u", username)
                .query(String.class).optional().orElse(username);
    }
}
