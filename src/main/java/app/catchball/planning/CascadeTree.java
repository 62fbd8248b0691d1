package app.catchball.planning;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cascade read one level at a time: the True North goals, then for any item the items that
 * serve it one step further from True North (the line-of-sight edges walked downwards). Each query
 * walks a handful of index look-ups from one item, so opening a node costs the same on a trust of
 * 45 units as on an integrated care system of 3,000; nothing enumerates the paths of the plan.
 * Everyone signed in may read the plan.
 */
@Service
@Transactional(readOnly = true)
public class CascadeTree {

    /** Items shown in the cascade: not archived, no owners (they serve no one further down). */
    private static final String SHOWN = " not %1$s.archived and %1$s.kind <> 'OWNER' and (%1$s.kind = 'TRUE_NORTH' or %1$s.cycle_id = :cycle) ";

    private static final String NODE_COLUMNS = """
            select i.id, i.kind, i.number, i.title, i.unit_id, u.name,
                   exists (select 1 from (""" + LineOfSightEdges.down("i.id") + """
                           ) e join plan_item p on p.id = e.item_id and """ + SHOWN.formatted("p") + """
                   ) as has_children
            """;

    private static final String ORDER = """
             order by i.unit_id <> :unit, u.name,
                      array_position(array['TRUE_NORTH', 'BREAKTHROUGH', 'INPUT', 'ANNUAL', 'PRIORITY', 'METRIC'], i.kind::text),
                      i.number, i.id
            """;

    private static final RowMapper<PlanNode> NODE = (rs, n) -> new PlanNode(rs.getLong(1), ItemKind.valueOf(rs.getString(2)),
            rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getBoolean(7));

    private final JdbcClient jdbc;
    private final PermissionService permissions;

    CascadeTree(JdbcClient jdbc, PermissionService permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    /** The True North goals at the top of the cascade of a cycle. */
    public List<PlanNode> roots(long cycleId) {
        permissions.requireUsername();
        return jdbc.sql(NODE_COLUMNS + SqlText.using("""
                        from plan_item i join {units} u on u.id = i.unit_id
                        where i.kind = 'TRUE_NORTH' and not i.archived and not u.archived
                        """, UnitRelations.UNITS) + ORDER.replace("i.unit_id <> :unit, ", ""))
                .param("cycle", cycleId).query(NODE).list();
    }

    /**
     * What is cascaded one step beneath the item in the cycle, each item once: the item's own
     * unit first, then the units below by name.
     */
    public List<PlanNode> children(long itemId, long cycleId) {
        long unitId = jdbc.sql("select unit_id from plan_item where id = :id").param("id", itemId).query(Long.class)
                .optional().orElseThrow(() -> new RuleViolation("That plan item does not exist."));
        permissions.check(Action.VIEW, unitId);
        return jdbc.sql(NODE_COLUMNS + """
                        from (select distinct item_id from (""" + LineOfSightEdges.down(":item") + """
                              ) d) c
                        join plan_item i on i.id = c.item_id and """ + SHOWN.formatted("i") + SqlText.using("""
                        join {units} u on u.id = i.unit_id
                        """, UnitRelations.UNITS) + ORDER)
                .param("item", itemId).param("cycle", cycleId).param("unit", unitId).query(NODE).list();
    }
}
