package app.catchball.base;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import app.catchball.support.StatementCounter;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the main screens cost the database: no JDBC exception thrown and caught in normal
 * operation (row mapping by name used to throw one per camelCase column per row), and a bounded
 * number of statements per navigation.
 */
class ViewQueriesTest extends KaribuTest {

    @Autowired
    PlanFixture fixture;

    @Autowired
    MetricsService metrics;

    private Map<String, String> mainScreens() {
        long cycle = fixture.cycle();
        MetricInfo metric = SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), cycle)).getFirst();
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("home", "");
        screens.put("x-matrix", "x-matrix?unit=W7&cycle=" + cycle);
        screens.put("cascade", "cascade?cycle=" + cycle);
        screens.put("metrics", "metrics?unit=W7&cycle=" + cycle);
        screens.put("metric", "metrics/metric/" + metric.id());
        screens.put("projects", "projects?unit=EAM&below=true");
        screens.put("continuity", "continuity?unit=EAM");
        screens.put("capability", "capability?unit=EAM");
        screens.put("catchball", "catchball");
        screens.put("review", "review?unit=NTH&month=2026-10");
        screens.put("reminders", "reminders");
        screens.put("compliance", "compliance?unit=NTH");
        screens.put("audit", "audit");
        screens.put("organisation", "organisation");
        screens.put("users", "users");
        return screens;
    }

    private static void open(String location) {
        int q = location.indexOf('?');
        if (q < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent().navigate(location.substring(0, q), QueryParameters.fromString(location.substring(q + 1)));
        }
    }

    @Test
    void no_main_screen_makes_the_driver_throw() {
        login("admin");
        mainScreens().forEach((name, location) -> {
            int exceptions = StatementCounter.driverExceptions(() -> open(location));
            assertThat(exceptions).as("JDBC exceptions while opening %s", name).isZero();
        });
    }

    @Test
    void the_main_screens_run_a_bounded_number_of_statements() {
        login("ward7.manager");
        Map<String, String> screens = mainScreens();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : new String[] {"x-matrix", "metrics", "metric", "projects", "continuity"}) {
            UI.getCurrent().navigate("");
            counts.put(name, StatementCounter.count(() -> open(screens.get(name))));
        }
        UI.getCurrent().navigate("");
        // The whole trust below: many more projects, units and priorities than Emergency & Acute Medicine.
        counts.put("projects, whole trust", StatementCounter.count(() -> open("projects?unit=NTH&below=true")));
        assertThat(counts.get("x-matrix")).as("X-matrix, %s", counts).isLessThanOrEqualTo(12);
        assertThat(counts.get("metrics")).as("Metrics, %s", counts).isLessThanOrEqualTo(12);
        // Projects: one permission look-up and one read-only transaction, whatever the number of rows.
        assertThat(counts.get("projects")).as("Projects, %s", counts).isLessThanOrEqualTo(12);
        assertThat(counts.get("projects, whole trust")).as("Projects of the whole trust, %s", counts)
                .isEqualTo(counts.get("projects"));
        // Issue 15: the metric page (chart, verdicts, commentary, notes, bowling rule, trajectory, roll-up,
        // corrections, countermeasures) reads everything in one service call, with one metric look-up and
        // one permission check (measured for ward7.manager: the page's call runs 9).
        assertThat(counts.get("metric")).as("metric page, %s", counts).isLessThanOrEqualTo(12);
        // The sustain check reads the SPC of all finished projects' measures at once (issue 12).
        assertThat(counts.get("continuity")).as("Continuity, %s", counts).isLessThanOrEqualTo(12);
    }
}
