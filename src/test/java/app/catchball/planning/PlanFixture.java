package app.catchball.planning;

import app.catchball.security.SystemUser;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks up demo units, the current cycle and items by title, for tests. */
@Component
public class PlanFixture {

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final PlanningService planning;

    PlanFixture(JdbcClient jdbc, CycleService cycles, PlanningService planning) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.planning = planning;
    }

    public long unit(String code) {
        return jdbc.sql("select id from org_unit where short_code = :c").param("c", code).query(Long.class).single();
    }

    public long cycle() {
        return cycles.current().orElseThrow().id();
    }

    public XMatrix matrix(String unitCode) {
        return SystemUser.runAs("admin", () -> planning.matrix(unit(unitCode), cycle()));
    }

    public ItemView item(String unitCode, String title) {
        return matrix(unitCode).sides().values().stream().flatMap(List::stream)
                .filter(i -> i.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("No item '" + title + "' on " + unitCode));
    }

    public ItemView create(String unitCode, ItemKind kind, String title) {
        return SystemUser.runAs("admin", () -> planning.createItem(unit(unitCode), cycle(), kind, ItemDraft.titled(title)));
    }
}
