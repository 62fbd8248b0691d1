package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.MetricsService;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueSource;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringTest
class ApiEndpointsTest {

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

    @Autowired
    Fixtures fixtures;

    @Autowired
    MetricsService metrics;

    ApiClient api;
    String manager;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        manager = SystemUser.runAs("ward7.manager", () -> tokens.create("Tests")).token();
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void units_lists_the_organisation_tree() {
        JsonNode units = ok(api.get("/api/v1/units", manager));

        assertThat(units.isArray()).isTrue();
        JsonNode ward7 = null;
        for (JsonNode unit : units) {
            if ("W7".equals(unit.get("shortCode").asString())) {
                ward7 = unit;
            }
        }
        assertThat(ward7).isNotNull();
        assertThat(ward7.get("id").longValue()).isEqualTo(fixture.unit("W7"));
        assertThat(ward7.get("name").asString()).isEqualTo("Ward 7 — Respiratory");
        assertThat(ward7.has("level")).isTrue();
        assertThat(ward7.get("parentId").isNumber()).isTrue();
        assertThat(ward7.get("archived").booleanValue()).isFalse();
    }

    @Test
    void units_come_a_page_at_a_time_with_the_total_and_a_link_to_the_next_page() {
        List<Long> whole = new ArrayList<>();
        ok(api.get("/api/v1/units", manager)).forEach(u -> whole.add(u.get("id").longValue()));
        int total = jdbc.sql("select count(*) from org_unit").query(Integer.class).single();
        assertThat(whole).hasSize(total);

        List<Long> paged = new ArrayList<>();
        String path = "/api/v1/units?limit=7";
        int pages = 0;
        while (path != null) {
            HttpResponse<String> page = api.get(path, manager);
            assertThat(page.headers().firstValue("X-Total-Count")).contains(String.valueOf(total));
            ok(page).forEach(u -> paged.add(u.get("id").longValue()));
            pages++;
            path = page.headers().firstValue("Link")
                    .map(link -> link.substring(link.indexOf("/api/v1/"), link.indexOf('>')))
                    .orElse(null);
        }
        assertThat(pages).isEqualTo((total + 6) / 7);
        assertThat(paged).as("the pages, in turn, are the whole list").isEqualTo(whole);

        for (String bad : List.of("limit=0", "limit=1001", "offset=-1", "limit=many")) {
            assertThat(api.get("/api/v1/units?" + bad, manager).statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void the_x_matrix_of_ward_7_in_the_current_cycle() {
        JsonNode matrix = ok(api.get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix", manager));

        assertThat(matrix.get("unit").get("shortCode").asString()).isEqualTo("W7");
        assertThat(matrix.get("cycle").get("id").longValue()).isEqualTo(fixture.cycle());
        long falls = fixture.item("W7", "Falls with harm").id();
        assertThat(matrix.get("sides").get("east").valueStream().map(i -> i.get("id").longValue())).contains(falls);
        JsonNode item = matrix.get("sides").get("east").valueStream().filter(i -> i.get("id").longValue() == falls)
                .findFirst().orElseThrow();
        assertThat(item.get("kind").asString()).isEqualTo("METRIC");
        assertThat(item.get("title").asString()).isEqualTo("Falls with harm");
        assertThat(item.get("code").asString()).startsWith("M");
        assertThat(matrix.get("correlations").isArray()).isTrue();
        assertThat(matrix.get("correlations").get(0).has("corner")).isTrue();
        assertThat(matrix.get("warnings").isObject()).isTrue();

        ok(api.get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix?cycle=" + fixture.cycle(), manager));
        assertThat(api.get("/api/v1/units/999999/x-matrix", manager).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix?cycle=999999", manager).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/units/abc/x-matrix", manager).statusCode()).isEqualTo(400);
    }

    @Test
    void the_metrics_of_ward_7() {
        JsonNode metrics = ok(api.get("/api/v1/units/" + fixture.unit("W7") + "/metrics", manager));

        assertThat(metrics.valueStream().map(m -> m.get("title").asString())).contains("Falls with harm");
    }

    @Test
    void the_ward_manager_saves_values_and_reads_them_back() {
        Fixtures.Ward ward = fixtures.ward("API values ward");
        long metric = fixtures.metric(ward, "Falls with harm").id();
        String manager = SystemUser.runAs(ward.lead(), () -> tokens.create("Tests")).token();
        List<ValueEntry> year = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            year.add(new ValueEntry(LocalDate.of(2024, 5, 1).plusMonths(i), BigDecimal.valueOf(2 + i % 3)));
        }
        SystemUser.runAs("admin", () -> metrics.saveValues(metric, year, ValueSource.MANUAL));

        JsonNode saved = ok(api.put("/api/v1/metrics/" + metric + "/values", manager,
                "[{\"period\":\"2025-05-01\",\"value\":12.5},{\"period\":\"2025-06-01\",\"value\":3}]"));

        assertThat(saved.get("created").intValue() + saved.get("changed").intValue()).isEqualTo(2);
        assertThat(stored(metric, LocalDate.of(2025, 5, 1))).isEqualByComparingTo("12.5");
        String history = jdbc.sql("select source from metric_value_history where metric_id = :m and period = :p"
                        + " order by id desc limit 1")
                .param("m", metric).param("p", LocalDate.of(2025, 5, 1)).query(String.class).single();
        assertThat(history).isEqualTo("API");

        JsonNode again = ok(api.put("/api/v1/metrics/" + metric + "/values", manager,
                "[{\"period\":\"2025-05-01\",\"value\":12.5}]"));
        assertThat(again.get("unchanged").intValue()).isEqualTo(1);

        HttpResponse<String> values = api.get("/api/v1/metrics/" + metric + "/values", manager);
        assertThat(values.statusCode()).isEqualTo(200);
        assertThat(values.body()).contains("{\"period\":\"2025-05-01\",\"value\":12.5}");

        JsonNode spc = ok(api.get("/api/v1/metrics/" + metric + "/spc", manager));
        assertThat(spc.get("points").size()).isEqualTo(ok(api.get("/api/v1/metrics/" + metric + "/values", manager)).size());
        assertThat(spc.get("points").get(0).get("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(spc.has("variation")).isTrue();
        assertThat(spc.has("assurance")).isTrue();
        assertThat(spc.get("limitsProvisional").booleanValue()).isFalse(); // 14 months of values
    }

    @Test
    void the_viewer_may_not_save_values_and_nothing_is_stored() {
        long metric = fixture.item("W7", "Falls with harm").id();
        String viewer = SystemUser.runAs("viewer", () -> tokens.create("Viewer")).token();

        HttpResponse<String> response = api.put("/api/v1/metrics/" + metric + "/values", viewer,
                "[{\"period\":\"2024-01-01\",\"value\":7}]");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json.readTree(response.body()).get("error").asString()).contains("Contributor");
        assertThat(jdbc.sql("select count(*) from metric_value where metric_id = :m and period = :p")
                .param("m", metric).param("p", LocalDate.of(2024, 1, 1)).query(Integer.class).single()).isZero();
        // The viewer may read.
        ok(api.get("/api/v1/metrics/" + metric + "/values", viewer));
    }

    @Test
    void bad_values_are_400_and_unknown_metrics_404() {
        long metric = fixture.item("W7", "Falls with harm").id();
        String path = "/api/v1/metrics/" + metric + "/values";

        assertField(api.put(path, manager, "[{\"period\":\"May\",\"value\":1}]"), "period");
        assertField(api.put(path, manager, "[{\"period\":\"2025-05-01\",\"value\":\"one\"}]"), "value");
        assertField(api.put(path, manager, "{not json"), "body");
        HttpResponse<String> empty = api.put(path, manager, "[]");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("no values");
        assertThat(api.put(path, manager, "[{\"period\":\"2025-05-01\",\"value\":1e15}]").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/999999/values", manager).statusCode()).isEqualTo(404);
        assertThat(api.put("/api/v1/metrics/999999/values", manager, "[]").statusCode()).isEqualTo(404);
    }

    @Test
    void the_openapi_document_needs_a_token_and_describes_the_api() {
        HttpResponse<String> response = api.get("/api/v1/openapi.json", manager);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/spc", "/api/v1/units", "/api/v1/metrics/{id}/values", "bearer");
    }

    @Test
    void the_interactive_page_needs_a_token_and_is_served() {
        HttpResponse<String> docs = api.get("/api/v1/docs", manager);
        assertThat(docs.statusCode()).isIn(200, 302);
        if (docs.statusCode() == 200) {
            assertThat(docs.body()).containsIgnoringCase("swagger");
        } else {
            String location = docs.headers().firstValue("Location").orElseThrow();
            assertThat(location).contains("/api/v1/");
            String path = location.replaceFirst("^https?://[^/]+", "");
            HttpResponse<String> page = api.get(path, manager);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("swagger");
        }
    }

    private BigDecimal stored(long metric, LocalDate period) {
        return jdbc.sql("select value from metric_value where metric_id = :m and period = :p")
                .param("m", metric).param("p", period).query(BigDecimal.class).single();
    }

    static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"").contains("\"error\":");
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
