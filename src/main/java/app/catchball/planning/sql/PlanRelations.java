package app.catchball.planning.sql;

import app.catchball.base.db.Relation;

/**
 * What other modules' SQL may read of plans; write {@code {plan_items}}, {@code {cycles}} and
 * {@code {cascade_links}} in SQL text. The line of sight between items is {@code planning.LineOfSightEdges}.
 */
public final class PlanRelations {

    /** Every plan item (X-matrix items and metrics), archived ones too; a metric's {@code series_id} names its series. */
    public static final Relation PLAN_ITEMS = new Relation("plan_items", """
            select id, cycle_id, unit_id, kind, number, sort_order, title, description, accountable_user_id,
                   owner_user_id, true_north_id, source_item_id, carried_from_id, unit_of_measure, direction,
                   baseline, target, due_date, team_name, archived, frequency, series_id, updated_at
            from plan_item""");

    /** Every planning cycle: id, name, first_month, last_month, stage, is_current, previous_cycle_id. */
    public static final Relation CYCLES = new Relation("cycles",
            "select id, name, first_month, last_month, stage, is_current, previous_cycle_id from cycle");

    /** Every cascade link, that is every catchball thread, with its status and proposal. */
    public static final Relation CASCADE_LINKS = new Relation("cascade_links", """
            select id, source_item_id, child_unit_id, parent_unit_id, cycle_id, status, initiator, title, target,
                   due_date, input_item_id, rationale, resources, rounds, created_at, created_by, agreed_at,
                   updated_at, version
            from cascade_link""");

    private PlanRelations() {
    }
}
