package app.catchball.demo;

import app.catchball.planning.CycleService;
import app.catchball.planning.CycleStage;
import app.catchball.planning.CycleSummary;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The closed cycle 2025/26 before the current 2026/27, with the same metrics carried across: each
 * 2025/26 metric and its 2026/27 successor (carried_from_id) share one series, so the values seeded by
 * {@link DemoMetrics} (November 2024 to October 2026) are one history of about 24 months, read by both
 * cycles' bowling charts (each its own months) and by the SPC chart of either. Seeded after
 * {@link DemoPlan} so that the current cycle and its items keep the ids they always had; the earlier
 * metrics are written here as the roll-forward would have left them (the services only roll forward).
 */
class DemoHistory {

    private final CycleService cycles;
    private final JdbcClient jdbc;
    private final long current;

    DemoHistory(CycleService cycles, JdbcClient jdbc, long current) {
        this.cycles = cycles;
        this.jdbc = jdbc;
        this.current = current;
    }

    void seed() {
        CycleSummary previous = cycles.createBefore(current, "2025/26", LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 1));
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title, description, accountable_user_id,
                    true_north_id, unit_of_measure, direction, baseline, target, due_date, owner_user_id, team_name,
                    updated_at, updated_by, frequency, series_id)
                select :previous, unit_id, kind, number, sort_order, title, description, accountable_user_id,
                    true_north_id, unit_of_measure, direction, baseline, target, cast(due_date - interval '1 year' as date), owner_user_id,
                    team_name, now(), 'admin', frequency, series_id
                from plan_item where cycle_id = :current and kind = 'METRIC' and not archived
                """).param("previous", previous.id()).param("current", current).update();
        jdbc.sql("""
                update plan_item n set carried_from_id = o.id
                from plan_item o
                where o.cycle_id = :previous and n.cycle_id = :current and n.kind = 'METRIC' and o.series_id = n.series_id
                """).param("previous", previous.id()).param("current", current).update();
        cycles.changeStage(previous.id(), CycleStage.CLOSED, cycles.get(previous.id()).version());
    }
}
