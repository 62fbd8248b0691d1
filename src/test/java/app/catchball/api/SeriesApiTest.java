package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.support.SpringTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The API shows that a metric is an enduring series: the cycles, a seriesId per metric, the whole series' values. */
@SpringTest
class SeriesApiTest {

    private static final String ANALYST = "cb_demo_analyst_0000000000000000";

    @LocalServerPort
    int port;

    @Autowired
    PlanFixture fixture;

    @Autowired
    ObjectMapper json;

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The name of the schema of the items of a list that a GET answers. */
    private static String schema(JsonNode doc, String path) {
        String ref = doc.get("paths").get(path).get("get").get("responses").get("200").get("content").get("application/json")
                .get("schema").get("items").get("$ref").asString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    @Test
    void cycles_metrics_of_each_cycle_share_their_series_and_values_are_the_whole_series() {
        ApiClient api = new ApiClient(port);
        Map<String, JsonNode> cycles = new HashMap<>();
        ok(api.get("/api/v1/cycles", ANALYST)).forEach(c -> cycles.put(c.get("name").asString(), c));
        assertThat(cycles.get("2026/27").get("current").booleanValue()).isTrue();
        assertThat(cycles.get("2026/27").get("id").longValue()).isEqualTo(fixture.cycle());
        assertThat(cycles.get("2025/26").get("current").booleanValue()).isFalse();
        assertThat(cycles.get("2025/26").get("stage").asString()).isEqualTo("CLOSED");

        long ward7 = fixture.unit("W7");
        Map<String, JsonNode> before = new HashMap<>();
        ok(api.get("/api/v1/units/" + ward7 + "/metrics?cycle=" + cycles.get("2025/26").get("id").longValue(), ANALYST))
                .forEach(m -> before.put(m.get("title").asString(), m));
        JsonNode now = ok(api.get("/api/v1/units/" + ward7 + "/metrics", ANALYST));
        assertThat(now.size()).isPositive();
        for (JsonNode metric : now) {
            if (!List.of("Discharges before noon", "Falls with harm", "Patients who would recommend the ward").contains(metric.get("title").asString())) {
                continue; // a probe metric another test class added to Ward 7 in the current cycle only
            }
            JsonNode old = before.get(metric.get("title").asString());
            assertThat(old).as(metric.get("title").asString()).isNotNull();
            assertThat(metric.get("seriesId").longValue()).isPositive().isEqualTo(old.get("seriesId").longValue());
            assertThat(metric.get("id").longValue()).isNotEqualTo(old.get("id").longValue());
            JsonNode values = ok(api.get("/api/v1/metrics/" + old.get("id").longValue() + "/values", ANALYST));
            assertThat(values.size()).isGreaterThanOrEqualTo(24);
            assertThat(values).isEqualTo(ok(api.get("/api/v1/metrics/" + metric.get("id").longValue() + "/values", ANALYST)));
            // The 2025/26 metric's values run on past its cycle's last month: the whole series.
            assertThat(values.get(values.size() - 1).get("period").asString()).isGreaterThan("2026-03-01");
        }
        assertThat(api.get("/api/v1/cycles", null).statusCode()).isEqualTo(401);

        JsonNode doc = ok(api.get("/api/v1/openapi.json", ANALYST));
        assertThat(doc.get("paths").get("/api/v1/cycles").get("get")).isNotNull();
        // The metric's schema documents its seriesId; the cycles' their stage and whether current.
        assertThat(doc.get("components").get("schemas").get(schema(doc, "/api/v1/units/{id}/metrics")).get("properties").has("seriesId"))
                .isTrue();
        assertThat(doc.get("components").get("schemas").get(schema(doc, "/api/v1/cycles")).get("properties").has("current"))
                .isTrue();
        assertThat(doc.get("paths").get("/api/v1/metrics/{id}/values").get("get").get("description").asString())
                .contains("whole series");
    }
}
