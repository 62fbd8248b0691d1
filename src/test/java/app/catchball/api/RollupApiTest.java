package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.support.SpringTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Roll-ups in the metric JSON of the API, over real HTTP with the demo analyst's token, and in the OpenAPI document. */
@SpringTest
class RollupApiTest {

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

    private static JsonNode falls(JsonNode metrics) {
        return metrics.valueStream().filter(m -> m.get("title").asString().equals("Falls with harm")).findFirst().orElseThrow();
    }

    @Test
    void a_units_metrics_carry_their_roll_up_and_what_they_contribute_to() {
        ApiClient api = new ApiClient(port);
        JsonNode eam = falls(ok(api.get("/api/v1/units/" + fixture.unit("EAM") + "/metrics", ANALYST))).get("rollUp");

        assertThat(eam.get("rule").asString()).isEqualTo("SUM");
        assertThat(eam.get("commitments").get("sentence").asString()).isEqualTo("Ward commitments: 5 of 8");
        assertThat(eam.get("commitments").get("covered").asBoolean()).isTrue();
        assertThat(eam.get("contributors").valueStream().map(c -> c.get("unit").asString()))
                .containsExactlyInAnyOrder("Acute Medical Unit", "Emergency Department", "Ward 7 — Respiratory");
        assertThat(eam.get("months").valueStream().filter(m -> m.get("month").asString().equals("2026-10")).findFirst().orElseThrow()
                .get("reported").asInt()).isEqualTo(2);
        assertThat(eam.get("contributesTo").get("unit").asString()).isEqualTo("Northshore Teaching Hospitals NHS Foundation Trust");

        JsonNode ward = falls(ok(api.get("/api/v1/units/" + fixture.unit("W7") + "/metrics", ANALYST)));
        assertThat(ward.get("rollUp").get("contributesTo").get("metricId").asLong()).isEqualTo(fixture.item("EAM", "Falls with harm").id());
        assertThat(ward.get("rollUp").get("rule").isNull()).isTrue();

        JsonNode schemas = ok(api.get("/api/v1/openapi.json", ANALYST)).get("components").get("schemas");
        assertThat(schemas.get("Metric").get("properties").has("rollUp")).isTrue();
        assertThat(schemas.get("RollupJson").get("properties").propertyNames()).contains("contributesTo", "rule", "months", "commitments");

    }
}
