package app.catchball.planning;

/**
 * The edges of line of sight, as SQL for a lateral subquery: the one definition that the X-matrix's
 * line of sight, the cascade and project alignment all walk. Upwards, from an item to the items it
 * serves one step nearer True North: the adjacent side of its own X-matrix, the parent's item it
 * was cascaded from, or the True North goal of a breakthrough objective. Downwards, the same edges
 * the other way. Each step is a few look-ups on indexed columns.
 */
public final class LineOfSightEdges {

    private LineOfSightEdges() {
    }

    /** The items that {@code item} (an SQL expression) serves, as column {@code parent_id}. */
    public static String up(String item) {
        return """
                    select c.item_a_id as parent_id from correlation c
                        where c.item_b_id = %1$s and c.corner in ('SW', 'NW', 'NE', 'OWNERS')
                    union all
                    select c.item_b_id from correlation c where c.item_a_id = %1$s and c.corner = 'SE'
                    union all
                    select i.source_item_id from plan_item i where i.id = %1$s and i.source_item_id is not null
                    union all
                    select i.true_north_id from plan_item i where i.id = %1$s and i.true_north_id is not null
                """.formatted(item);
    }

    /** The items that serve {@code item} (an SQL expression), as column {@code item_id}. */
    public static String down(String item) {
        return """
                    select c.item_b_id as item_id from correlation c
                        where c.item_a_id = %1$s and c.corner in ('SW', 'NW', 'NE', 'OWNERS')
                    union all
                    select c.item_a_id from correlation c where c.item_b_id = %1$s and c.corner = 'SE'
                    union all
                    select s.id from plan_item s where s.source_item_id = %1$s
                    union all
                    select t.id from plan_item t where t.true_north_id = %1$s
                """.formatted(item);
    }
}
