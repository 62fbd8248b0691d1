package app.catchball.organisation;

import app.catchball.base.live.UnitAncestry;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a unit sits, for the live screens (base.live): its ancestors' ids in one indexed recursive
 * statement, asked at most once per change. Ids only, no names: nothing a user could not see anyway
 * leaves this class, so it asks for no permission (it runs on the broadcaster's thread, signed out).
 */
@Component
class UnitAncestryQueries implements UnitAncestry {

    private final JdbcClient jdbc;

    UnitAncestryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> ancestorsOf(long unitId) {
        return jdbc.sql("""
                        with recursive up (id, parent_id, depth) as (
                            select id, parent_id, 0 from org_unit where id = :id
                            union all
                            select p.id, p.parent_id, up.depth + 1 from org_unit p join up on p.id = up.parent_id
                        )
                        select id from up where depth > 0 order by depth
                        """)
                .param("id", unitId).query((rs, n) -> rs.getLong(1)).list();
    }
}
