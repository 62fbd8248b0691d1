package app.catchball.organisation;

import app.catchball.base.UnitRef;
import java.sql.Types;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tree look-ups, each one SQL statement (recursive common table expressions). Rows are mapped by
 * position with explicit mappers: mapping records by name makes the driver throw and catch an
 * exception for every camelCase column of every row.
 */
@Repository
class UnitTreeQueries {

    /** Maps {@link #NODE_COLUMNS} followed by the depth. */
    private static final RowMapper<UnitNode> NODE = (rs, n) -> new UnitNode(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, Long.class), rs.getBoolean(7),
            rs.getLong(8), rs.getInt(9));

    private static final RowMapper<UnitRef> REF = (rs, n) -> new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3));

    /** Units a picker offers: not archived, matching a filter on name or short code. */
    private static final String PICKABLE = """
             from org_unit u where not u.archived
              and (:filter = '' or u.name ilike '%' || :filter || '%' or u.short_code ilike '%' || :filter || '%')
            """;

    private static final String NODE_COLUMNS = """
             u.id, u.name, u.short_code, u.level_code, l.name as level_name, u.parent_id, u.archived, u.version
            """;

    private final JdbcClient jdbc;

    UnitTreeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UnitNode> find(long id) {
        return jdbc.sql("select" + NODE_COLUMNS + ", 0 as depth from org_unit u join unit_level l on l.code = u.level_code where u.id = :id")
                .param("id", id).query(NODE).optional();
    }

    /** These units, archived ones left out, by name. */
    List<UnitNode> units(Collection<Long> ids) {
        return jdbc.sql("select" + NODE_COLUMNS + """
                        , 0 from org_unit u join unit_level l on l.code = u.level_code
                        where u.id in (:ids) and not u.archived order by u.name, u.id""")
                .param("ids", ids).query(NODE).list();
    }

    /** A page of the units directly below a unit (the top of the tree for null), archived ones too, by name. */
    List<UnitNode> children(Long parentId, int offset, int limit) {
        return jdbc.sql("select" + NODE_COLUMNS + """
                        , 0 from org_unit u join unit_level l on l.code = u.level_code
                        where """ + " " + below(parentId) + " order by u.name, u.id offset :offset limit :limit")
                .param("parent", parentId, Types.BIGINT).param("offset", Math.max(0, offset)).param("limit", Math.clamp(limit, 0, 1000))
                .query(NODE).list();
    }

    /** How many units {@link #children} pages through. */
    int countChildren(Long parentId) {
        return jdbc.sql("select count(*) from org_unit u where " + below(parentId))
                .param("parent", parentId, Types.BIGINT).query(Integer.class).single();
    }

    /** The condition for the units directly below {@code :parent}, or the top of the tree (its index serves both). */
    private static String below(Long parentId) {
        return parentId == null ? "u.parent_id is null and cast(:parent as bigint) is null" : "u.parent_id = :parent";
    }

    /** Of these units, those with any unit below them, archived ones counted. */
    Set<Long> parentsAmong(Collection<Long> ids) {
        return new HashSet<>(jdbc.sql("select distinct parent_id from org_unit where parent_id in (:ids)")
                .param("ids", ids).query(Long.class).list());
    }

    /** Of these units, those with a unit (not archived) below them. */
    Set<Long> withUnitsBelow(Collection<Long> ids) {
        return new HashSet<>(jdbc.sql("select distinct parent_id from org_unit where parent_id in (:ids) and not archived")
                .param("ids", ids).query(Long.class).list());
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
                .param("root", rootId).query(NODE).list();
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
                .param("id", id).query(NODE).list();
    }

    /** A page of the whole tree in its order (parents before children, siblings by name). */
    List<UnitNode> treePage(int offset, int limit) {
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
                        offset :offset limit :limit
                        """)
                .param("offset", offset).param("limit", limit).query(NODE).list();
    }

    int countUnits() {
        return jdbc.sql("select count(*) from org_unit").query(Integer.class).single();
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
                .query(NODE).list();
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

    List<UnitRef> pickable(String filter, int offset, int limit) {
        return jdbc.sql("select u.id, u.short_code, u.name" + PICKABLE
                        + " order by u.parent_id is not null, u.name, u.id offset :offset limit :limit")
                .param("filter", escapeLike(filter)).param("offset", offset).param("limit", limit).query(REF).list();
    }

    int countPickable(String filter) {
        return jdbc.sql("select count(*)" + PICKABLE).param("filter", escapeLike(filter)).query(Integer.class).single();
    }

    Optional<UnitRef> pickableByCodeOrId(String codeOrId) {
        return jdbc.sql("""
                        select u.id, u.short_code, u.name from org_unit u
                        where not u.archived and (lower(u.short_code) = lower(:code) or cast(u.id as text) = :code)
                        order by lower(u.short_code) = lower(:code) desc limit 1""")
                .param("code", codeOrId.strip()).query(REF).optional();
    }

    /** The first of the given units that is not archived, in the given order; else the top of the tree. */
    Optional<UnitRef> firstPickableOrTop(List<Long> preferred) {
        Optional<UnitRef> first = preferred.isEmpty() ? Optional.empty() : jdbc.sql("""
                        select u.id, u.short_code, u.name from org_unit u
                        where not u.archived and u.id = any(:ids) order by array_position(:ids, u.id) limit 1""")
                .param("ids", preferred.toArray(Long[]::new)).query(REF).optional();
        return first.or(() -> jdbc.sql("""
                        select u.id, u.short_code, u.name from org_unit u
                        where u.parent_id is null and not u.archived order by u.name, u.id limit 1""")
                .query(REF).optional());
    }

    private static String escapeLike(String filter) {
        String f = filter == null ? "" : filter.strip();
        return f.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    List<UnitLevel> levels() {
        return jdbc.sql("select code, name, sort_order from unit_level order by sort_order").query((rs, n) -> new UnitLevel(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }
}
