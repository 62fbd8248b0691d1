package app.catchball.demo;

import app.catchball.catchball.CatchballService;
import app.catchball.catchball.Move;
import app.catchball.metrics.CountermeasureService;
import app.catchball.metrics.CountermeasureStatus;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.Proposal;
import app.catchball.security.SystemUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What makes reminders for ward7.manager: Ward 7's values for last month are due (the demo values end in
 * October 2026), a countermeasure on Ward 7's falls ten days overdue, and Ward 7's own idea, queried by
 * the directorate nine days ago and not yet answered. The job records them after start-up. And, for
 * Compliance, the days the demo values were entered.
 */
class DemoReminders {

    private final CountermeasureService countermeasures;
    private final MetricsService metrics;
    private final CatchballService catchball;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Long> units;
    private final Map<String, Long> users;
    private final long cycle;

    DemoReminders(CountermeasureService countermeasures, MetricsService metrics, CatchballService catchball, JdbcClient jdbc,
                  Clock clock, Map<String, Long> units, Map<String, Long> users, long cycle) {
        this.countermeasures = countermeasures;
        this.metrics = metrics;
        this.catchball = catchball;
        this.jdbc = jdbc;
        this.clock = clock;
        this.units = units;
        this.users = users;
        this.cycle = cycle;
    }

    void seed() {
        MetricInfo falls = metrics.metricsOf(units.get("W7"), cycle).stream().filter(m -> m.title().equals("Falls with harm"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No metric Falls with harm on W7"));
        countermeasures.saveCountermeasure(null, falls.id(), "Special-cause concern", "Nine falls with harm in July",
                "Bays out of sight of the nurses' station at night", "Cohort high-risk patients in the bay by the station",
                users.get("ward7.manager"), LocalDate.now(clock).minusDays(10), CountermeasureStatus.IN_PROGRESS, 0);

        CascadeLinkView idea = SystemUser.runAs("ward7.manager", () -> catchball.proposeUp(units.get("W7"), cycle,
                new Proposal("Falls sensor mats in side rooms", "No unwitnessed falls in side rooms", LocalDate.of(2027, 3, 31),
                        "Half of our falls with harm were in side rooms.", "Six sensor mats"), "Could the directorate fund this?"));
        SystemUser.runAs("acute.lead", () -> catchball.act(idea.id(), Move.QUERY, null,
                "Which rooms, and who checks the mats each shift?"));
        // Nine days ago, so that it has waited on Ward 7 for more than a week (the demo is seeded today).
        jdbc.sql("update cascade_link set updated_at = updated_at - interval '9 days' where id = :id").param("id", idea.id()).update();
        jdbc.sql("update catchball_step set at = at - interval '9 days' where link_id = :id").param("id", idea.id()).update();

        // Compliance: the demo's values were entered on the 4th of the following month, on time, except Ward 7's
        // patient survey, which arrives on the 12th, after the due date (working day 5).
        jdbc.sql("""
                update series_value_history h set changed_at = cast(h.period as timestamp) + interval '1 month'
                    + case when m.title = 'Patients who would recommend the ward' then interval '11 days' else interval '3 days' end
                from metric_series m where m.id = h.series_id
                """).update();
    }
}
