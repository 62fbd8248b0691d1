package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** GET and PUT /api/v1/metrics/{id}/trajectory over real HTTP, and the bowling chart that reads it. */
@SpringTest
class TrajectoryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    PlanFixture fixture;

    @Autowired
    PlanningService planning;

    @Autowired
    ObjectMapper json;

    ApiClient api;
    String manager;
    long metric;

    @Autowired
    Fixtures fixtures;

    Fixtures.Ward ward;

    /** Each test's own ward, its Lead's token and a metric there (count, lower is better, target 3). */
    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        ward = fixtures.ward("Trajectory ward");
        manager = SystemUser.runAs(ward.lead(), () -> tokens.create("Trajectories")).token();
        metric = SystemUser.runAs("admin", () -> planning.createItem(ward.id(), fixture.cycle(), ItemKind.METRIC,
                ItemDraft.titled("Probe API trajectory").withMetric("count", Direction.DOWN, null, new BigDecimal("3"), null))).id();
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertRefused(HttpResponse<String> response, String field, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("error").asString()).contains(message);
    }

    @Test
    void a_lead_replaces_the_trajectory_and_reads_it_back_and_the_bowling_chart_compares_with_it() {
        String path = "/api/v1/metrics/" + metric + "/trajectory";
        assertThat(ok(api.get(path, manager)).size()).isZero();

        JsonNode saved = ok(api.put(path, manager, "[{\"period\":\"2026-05-01\",\"target\":1.5},{\"period\":\"2026-04-01\",\"target\":2}]"));

        assertThat(saved.toString()).isEqualTo("[{\"period\":\"2026-04-01\",\"target\":2},{\"period\":\"2026-05-01\",\"target\":1.5}]");
        assertThat(ok(api.get(path, manager))).isEqualTo(saved);
        JsonNode chart = ok(api.get("/api/v1/units/" + ward.id() + "/bowling-chart", manager));
        JsonNode row = chart.get("metrics").valueStream().filter(m -> m.get("metricId").asLong() == metric).findFirst().orElseThrow();
        assertThat(row.get("aggregation").asString()).isEqualTo("mean");
        assertThat(row.get("months").get(0).get("target").decimalValue()).isEqualByComparingTo("2");
        assertThat(row.get("months").get(2).get("target").decimalValue()).isEqualByComparingTo("3");

        ok(api.put(path, manager, "[{\"period\":\"2026-06-01\",\"target\":1}]"));
        assertThat(ok(api.get(path, manager)).toString()).isEqualTo("[{\"period\":\"2026-06-01\",\"target\":1}]");
    }

    @Test
    void bad_trajectories_are_400_naming_the_field_and_change_nothing_and_a_viewer_is_refused() {
        String path = "/api/v1/metrics/" + metric + "/trajectory";
        ok(api.put(path, manager, "[{\"period\":\"2026-04-01\",\"target\":2}]"));

        assertRefused(api.put(path, manager, "[{\"period\":\"2026-04-15\",\"target\":1}]"), "period",
                "Entry 0: 15 Apr 2026 is not the first day of a month");
        assertRefused(api.put(path, manager, "[{\"period\":\"2026-04-01\",\"target\":1},{\"period\":\"2027-04-01\",\"target\":1}]"),
                "period", "Entry 1: Apr 2027 is outside the cycle");
        assertRefused(api.put(path, manager, "[{\"period\":\"2026-04-01\",\"target\":\"two\"}]"), "target", "target must be a number");
        assertRefused(api.put(path, manager, "[{\"period\":\"2026-04-01\",\"target\":1e15}]"), "target", "1,000,000,000,000");
        assertRefused(api.put(path, manager, "{\"period\":\"2026-04-01\"}"), "body", "must be a list");
        String viewer = SystemUser.runAs("viewer", () -> tokens.create("Viewer")).token();
        HttpResponse<String> refused = api.put(path, viewer, "[]");
        assertThat(refused.statusCode()).isEqualTo(403);

        assertThat(ok(api.get(path, viewer)).toString()).isEqualTo("[{\"period\":\"2026-04-01\",\"target\":2}]");
        assertThat(api.get("/api/v1/metrics/999999/trajectory", manager).statusCode()).isEqualTo(404);
    }

    @Test
    void the_openapi_document_describes_trajectories_and_aggregation() {
        String doc = api.get("/api/v1/openapi.json", manager).body();

        assertThat(doc).contains("/api/v1/metrics/{id}/trajectory", "Replace a metric's trajectory", "\"amber\"",
                "\"ratio\"", "year to date of the trajectory");
    }
}
