package app.catchball.organisation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tree look-ups, each one SQL statement (recursive common table expressions). */
@Repository
class UnitTreeQueries {

    private static final String NODE_COLUMNS = """
             u.id, u.name, u.short_code, u.level_code, l.name as level_name, u.parent_id, u.archived, u.version
            """;

    private final JdbcClient jdbc;

    UnitTreeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UnitNode> find(long id) {
        return jdbc.sql("select" + NODE_COLUMNS + ", 0 as depth from org_unit u join unit_level l on l.code = u.level_code where u.id = :id")
                .param("id", id).query(UnitNode.class).optional();
    }

    /** The unit and everything below it, parents before children. */
    List<UnitNode> subtree(long rootId) {
        return jdbc.sql("""
                        with recursive down (id, depth, path) as (
                            select id, 0, array[name::text] from org_unit where id = :root
                            union all
                            select c.id, down.depth + 1, down.path || c.name::text
                            from org_unit c join down on c.parent_id = down.id
                        )
                        select""" + NODE_COLUMNS + """
                        , down.depth
                        from down join org_unit u on u.id = down.id join unit_level l on l.code = u.level_code
                        order by down.path
                        """)
                .param("root", rootId).query(UnitNode.class).list();
    }

    /** The unit's ancestors from the top of the tree down to its parent (the unit itself excluded). */
    List<UnitNode> ancestors(long id) {
        return jdbc.sql("""
                        with recursive up (id, parent_id, depth) as (
                            select id, parent_id, 0 from org_unit where id = :id
                            union all
                            select p.id, p.parent_id, up.depth + 1 from org_unit p join up on p.id = up.parent_id
                        )
                        select""" + NODE_COLUMNS + """
                        , up.depth
                        from up join org_unit u on u.id = up.id join unit_level l on l.code = u.level_code
                        where up.depth > 0
                        order by up.depth desc
                        """)
                .param("id", id).query(UnitNode.class).list();
    }

    /** The whole tree, parents before children, siblings by name. */
    List<UnitNode> wholeTree() {
        return jdbc.sql("""
                        with recursive down (id, depth, path) as (
                            select id, 0, array[name::text] from org_unit where parent_id is null
                            union all
                            select c.id, down.depth + 1, down.path || c.name::text
                            from org_unit c join down on c.parent_id = down.id
                        )
                        select""" + NODE_COLUMNS + """
                        , down.depth
                        from down join org_unit u on u.id = down.id join unit_level l on l.code = u.level_code
                        order by down.path
                        """)
                .query(UnitNode.class).list();
    }

    /** For each given unit, its path up to the top ("Ward 7 › Directorate › Division › Trust"), in one statement. */
    Map<Long, String> paths(Collection<Long> ids) {
        Map<Long, String> paths = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return paths;
        }
        jdbc.sql("""
                        with recursive up (origin, id, parent_id, depth) as (
                            select id, id, parent_id, 0 from org_unit where id in (:ids)
                            union all
                            select up.origin, p.id, p.parent_id, up.depth + 1 from org_unit p join up on p.id = up.parent_id
                        )
                        select up.origin, string_agg(u.name, ' › ' order by up.depth) as path
                        from up join org_unit u on u.id = up.id
                        group by up.origin
                        """)
                .param("ids", ids)
                .query(rs -> { paths.put(rs.getLong(1), rs.getString(2)); });
        return paths;
    }

    boolean isInSubtree(long candidateId, long rootId) {
        return jdbc.sql("""
                        with recursive up (id, parent_id) as (
                            select id, parent_id from org_unit where id = :candidate
                            union all
                            select p.id, p.parent_id from org_unit p join up on p.id = up.parent_id
                        )
                        select count(*) from up where id = :root
                        """)
                .param("candidate", candidateId).param("root", rootId).query(Integer.class).single() > 0;
    }

    List<UnitLevel> levels() {
        return jdbc.sql("select code, name, sort_order from unit_level order by sort_order").query(UnitLevel.class).list();
    }
}
