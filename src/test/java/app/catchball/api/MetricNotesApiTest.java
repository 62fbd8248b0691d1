package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Issue 12, points 8 and 9 over real HTTP: the latest commentary, writing it, and the notes. */
@SpringTest
class MetricNotesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    PlanFixture fixture;

    @Autowired
    MetricsService metrics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    ApiClient api;
    String analyst;
    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        analyst = SystemUser.runAs("analyst", () -> tokens.create("Notes")).token();
    }

    private long metric(String title) {
        return SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).stream()
                .filter(m -> m.title().equals(title)).findFirst().map(MetricInfo::id).orElseThrow();
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void the_latest_commentary_and_each_months_are_read_with_a_token() {
        JsonNode answer = ok(api.get("/api/v1/metrics/" + metric("Discharges before noon") + "/commentary", analyst));

        assertThat(answer.get("latest").get("month").asString()).isEqualTo("2026-10");
        assertThat(answer.get("latest").get("whatHappened").asString()).startsWith("30% before noon");
        assertThat(answer.get("latest").get("writtenBy").asString()).isEqualTo("Tom Ellis");
        assertThat(answer.get("byMonth").size()).isGreaterThanOrEqualTo(3);
        assertThat(api.get("/api/v1/metrics/999999/commentary", analyst).statusCode()).isEqualTo(404);
    }

    @Test
    void a_comment_is_written_through_the_api_by_those_allowed_and_bad_input_is_refused() {
        Fixtures.Ward ward = fixtures.ward("Commentary API ward");
        long recommend = fixtures.metric(ward, "Patients who would recommend the ward").id();
        String manager = SystemUser.runAs(ward.lead(), () -> tokens.create("Notes")).token();
        String month = YearMonth.now().minusMonths(1).toString();
        int before = jdbc.sql("select count(*) from metric_commentary").query(Integer.class).single();
        String path = "/api/v1/metrics/" + recommend + "/commentary";

        assertThat(api.put(path, analyst, "{\"month\": \"" + month + "\", \"whatHappened\": \"x\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> empty = api.put(path, manager, "{\"month\": \"" + month + "\", \"whatHappened\": \" \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Please say what happened.");
        assertThat(api.put(path, manager, "{\"month\": \"2026-13\", \"whatHappened\": \"x\"}").statusCode()).isEqualTo(400);
        assertThat(api.put(path, manager, "{\"month\": \"" + YearMonth.now().plusMonths(1) + "\", \"whatHappened\": \"x\"}")
                .statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from metric_commentary").query(Integer.class).single()).isEqualTo(before);

        JsonNode saved = ok(api.put(path, manager, "{\"month\": \"" + month + "\", \"whatHappened\": \"From the API\", "
                + "\"why\": \"Because\", \"whatNext\": \"More\"}"));
        ok(api.put(path, manager, "{\"month\": \"" + month + "\", \"whatHappened\": \"From the API, again\"}"));
        HttpResponse<String> stale = api.put(path, manager, "{\"month\": \"" + month + "\", \"whatHappened\": \"Stale\", \"basedOn\": "
                + saved.get("version").asLong() + "}");

        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode latest = ok(api.get(path, analyst)).get("latest");
        assertThat(latest.get("month").asString()).isEqualTo(month);
        assertThat(latest.get("whatHappened").asString()).isEqualTo("From the API, again");
    }

    @Test
    void a_metrics_notes_are_listed_and_the_openapi_document_describes_commentary_and_notes() {
        JsonNode notes = ok(api.get("/api/v1/metrics/" + metric("Discharges before noon") + "/annotations", analyst));
        assertThat(notes.size()).isGreaterThanOrEqualTo(1);
        assertThat(notes.get(0).get("text").asString()).isEqualTo("Daily discharge huddle started");
        assertThat(notes.get(0).get("date").asString()).isEqualTo("2025-11-03");
        assertThat(notes.get(0).get("by").asString()).isEqualTo("Tom Ellis");

        JsonNode paths = ok(api.get("/api/v1/openapi.json", analyst)).get("paths");
        assertThat(paths.get("/api/v1/metrics/{id}/commentary").has("get")).isTrue();
        assertThat(paths.get("/api/v1/metrics/{id}/commentary").has("put")).isTrue();
        assertThat(paths.get("/api/v1/metrics/{id}/annotations").has("get")).isTrue();
    }
}
