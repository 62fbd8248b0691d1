package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The read endpoints a warehouse or Power BI needs: projects, a unit's bowling chart, catchball threads; JSON and CSV. */
@SpringTest
class ReportingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    ApiClient api;
    String analyst;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        analyst = SystemUser.runAs("analyst", () -> tokens.create("Power BI")).token();
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return json.readTree(response.body());
    }

    private static List<CSVRecord> csv(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
    }

    @Test
    void the_projects_of_a_unit_with_links_and_measures_as_json_and_csv() throws IOException {
        String path = "/api/v1/units/" + fixture.unit("W7") + "/projects";
        JsonNode projects = ok(api.get(path, analyst));

        JsonNode huddle = StreamSupport.stream(projects.spliterator(), false)
                .filter(p -> p.get("title").asString().equals("Falls safety huddle")).findFirst().orElseThrow();
        assertThat(huddle.get("unitName").asString()).isEqualTo("Ward 7 — Respiratory");
        assertThat(huddle.get("links").get(0).get("title").asString()).isEqualTo("Safety huddle with falls risk review");
        assertThat(huddle.get("measures").get(0).get("metric").asString()).endsWith("Falls with harm");
        assertThat(ok(api.get(path + "?below=true", analyst)).size()).isGreaterThanOrEqualTo(projects.size());

        List<CSVRecord> rows = csv(api.get(path, analyst, "text/csv"));
        assertThat(rows).hasSize(projects.size());
        CSVRecord row = rows.stream().filter(r -> r.get("title").equals("Falls safety huddle")).findFirst().orElseThrow();
        assertThat(row.get("id")).isEqualTo(huddle.get("id").asString());
        assertThat(row.get("links")).contains("Safety huddle with falls risk review (Ward 7 — Respiratory)");
        assertThat(row.get("measures")).contains("Falls with harm (Ward 7 — Respiratory)");
        assertThat(row.get("approved")).isIn("true", "false");
        assertThat(row.get("startDate")).isEqualTo("2025-06-01");

        JsonNode one = ok(api.get("/api/v1/projects/" + huddle.get("id").asLong(), analyst));
        assertThat(one.get("title").asString()).isEqualTo("Falls safety huddle");
        assertThat(one.get("links").size()).isEqualTo(huddle.get("links").size());
    }

    @Test
    void a_units_bowling_chart_as_json_and_as_one_csv_row_per_metric_and_month() throws IOException {
        String path = "/api/v1/units/" + fixture.unit("W7") + "/bowling-chart";
        JsonNode chart = ok(api.get(path, analyst));

        assertThat(chart.get("cycleId").asLong()).isEqualTo(fixture.cycle());
        int months = chart.get("months").size();
        assertThat(months).isEqualTo(12);
        JsonNode m1 = chart.get("metrics").get(0);
        assertThat(m1.get("code").asString()).isEqualTo("M1");
        assertThat(m1.get("months").size()).isEqualTo(months);
        assertThat(m1.get("months").get(0).get("colour").asString()).isIn("green", "amber", "red", "grey");
        assertThat(m1.has("yearToDate")).isTrue();

        List<CSVRecord> rows = csv(api.get(path + "?cycle=" + fixture.cycle(), analyst, "text/csv"));
        assertThat(rows).hasSize(chart.get("metrics").size() * (months + 1));
        assertThat(rows.getFirst().get("code")).isEqualTo("M1");
        assertThat(rows.getFirst().get("month")).isEqualTo(chart.get("months").get(0).asString());
        assertThat(rows.get(months).get("yearToDate")).isEqualTo("true");
        assertThat(rows.get(months).get("month")).isEmpty();
    }

    @Test
    void catchball_threads_and_a_thread_with_its_steps() throws IOException {
        // The current cycle: a cycle rolled forward by another test carries threads over without their steps.
        String path = "/api/v1/catchball/threads?cycle=" + fixture.cycle() + "&unit=" + fixture.unit("MED");
        JsonNode threads = ok(api.get(path, analyst));

        // The demo's falls thread, which Medicine countered (other tests may add drafts and threads of their own).
        JsonNode countered = StreamSupport.stream(threads.spliterator(), false)
                .filter(t -> t.get("status").asString().equals("COUNTERED")).findFirst().orElseThrow();
        assertThat(countered.get("childUnit").asString()).isEqualTo("Division of Medicine");
        assertThat(csv(api.get(path, analyst, "text/csv"))).hasSize(threads.size());

        JsonNode thread = ok(api.get("/api/v1/catchball/threads/" + countered.get("id").asLong(), analyst));
        JsonNode steps = thread.get("steps");
        assertThat(thread.get("title").asString()).isEqualTo(countered.get("title").asString());
        assertThat(steps.size()).isGreaterThanOrEqualTo(2);
        assertThat(steps.get(0).get("move").asString()).isEqualTo("PROPOSE");
        assertThat(steps.get(0).get("party").asString()).isEqualTo("PARENT");
        assertThat(steps.get(steps.size() - 1).get("statusAfter").asString()).isEqualTo("COUNTERED");
        assertThat(steps.get(steps.size() - 1).get("actor").asString()).isNotBlank();
    }

    @Test
    void every_new_endpoint_answers_401_without_a_token_403_when_refused_and_404_for_what_does_not_exist() {
        long project = jdbc.sql("select min(id) from project").query(Long.class).single();
        long thread = jdbc.sql("select min(id) from cascade_link").query(Long.class).single();
        long w7 = fixture.unit("W7");
        List<String> endpoints = List.of("/api/v1/units/" + w7 + "/projects", "/api/v1/projects/" + project,
                "/api/v1/units/" + w7 + "/bowling-chart", "/api/v1/catchball/threads", "/api/v1/catchball/threads/" + thread);
        for (String endpoint : endpoints) {
            assertThat(api.get(endpoint, analyst).statusCode()).as(endpoint).isEqualTo(200);
            assertThat(api.get(endpoint, null).statusCode()).as(endpoint).isEqualTo(401);
            assertThat(api.get(endpoint, null, "text/csv").statusCode()).as(endpoint).isEqualTo(401);
        }

        String reset = SystemUser.runAs("viewer", () -> tokens.create("Reset")).token();
        jdbc.sql("update app_user set must_change_password = true where username = 'viewer'").update();
        try {
            for (String endpoint : endpoints) {
                HttpResponse<String> refused = api.get(endpoint, reset);
                assertThat(refused.statusCode()).as(endpoint).isEqualTo(403);
                assertThat(refused.body()).as(endpoint).contains("password");
            }
        } finally {
            jdbc.sql("update app_user set must_change_password = false where username = 'viewer'").update();
        }

        HttpResponse<String> single = api.get("/api/v1/projects/" + project, analyst, "text/csv");
        assertThat(single.statusCode()).as("a single project has no CSV").isEqualTo(406);
        assertThat(single.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");

        for (String missing : List.of("/api/v1/units/999999/projects", "/api/v1/projects/999999",
                "/api/v1/units/999999/bowling-chart", "/api/v1/units/" + w7 + "/bowling-chart?cycle=999999",
                "/api/v1/catchball/threads?unit=999999", "/api/v1/catchball/threads?cycle=999999",
                "/api/v1/catchball/threads/999999")) {
            HttpResponse<String> response = api.get(missing, analyst, missing.contains("/threads/") || missing.contains("/projects/")
                    ? "application/json" : "text/csv");
            assertThat(response.statusCode()).as(missing).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(missing).startsWith("application/json");
            assertThat(json.readTree(response.body()).get("error").asString()).as(missing).startsWith("There is no");
        }
    }

    @Test
    void the_openapi_document_describes_the_new_endpoints_with_examples() {
        JsonNode doc = ok(api.get("/api/v1/openapi.json", analyst));
        JsonNode paths = doc.get("paths");

        for (String path : List.of("/api/v1/units/{id}/projects", "/api/v1/projects/{id}", "/api/v1/units/{id}/bowling-chart",
                "/api/v1/catchball/threads", "/api/v1/catchball/threads/{id}")) {
            JsonNode get = paths.get(path).get("get");
            assertThat(get).as(path).isNotNull();
            assertThat(get.get("responses").properties().stream().map(e -> e.getKey()).toList()).as(path)
                    .contains("200", "401", "403", "404");
            assertThat(get.get("responses").get("200").get("content").get("application/json").has("examples")
                    || get.get("responses").get("200").get("content").get("application/json").has("example")).as(path).isTrue();
        }
        for (String list : List.of("/api/v1/units/{id}/projects", "/api/v1/units/{id}/bowling-chart", "/api/v1/catchball/threads")) {
            assertThat(paths.get(list).get("get").get("responses").get("200").get("content").has("text/csv")).as(list).isTrue();
        }
    }
}
