package app.catchball.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.MetricsService;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Health and metrics for operators: on the management port, readiness and liveness answer UP
 * without sign-in and Prometheus gets Catchball's timers; on the public port no Actuator endpoint
 * answers, whoever asks.
 */
class OperationsTest extends KaribuTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    PlanFixture fixture;

    @Autowired
    MetricsService metrics;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_management_port_answers_probes_and_prometheus_with_catchballs_timers() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = get(http, management("/actuator/health/readiness"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(http, management("/actuator/health/liveness")).body()).isEqualTo("{\"status\":\"UP\"}");

        login("viewer");
        fixture.matrix("NTH");
        long metricId = jdbc.sql("select min(metric_id) from metric_value").query(Long.class).single();
        SystemUser.runAs("viewer", () -> metrics.spc(metricId));
        assertThat(get(http, URI.create("http://localhost:" + port + "/api/v1/units"), "Authorization",
                "Bearer cb_demo_analyst_0000000000000000").statusCode()).isEqualTo(200);

        String scrape = get(http, management("/actuator/prometheus")).body();
        assertThat(scrape)
                .containsPattern("catchball_view_navigation_seconds_count\\{[^}]*view=\"HomeView\"[^}]*} [1-9]")
                .containsPattern("catchball_xmatrix_build_seconds_count\\{[^}]*} [1-9]")
                .containsPattern("catchball_spc_seconds_count\\{[^}]*source=\"metric\"[^}]*} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/units\"[^}]*} [1-9]")
                .as("this node listens for the other nodes' changes").contains("catchball_live_connection 1.0");
    }

    @Test
    void no_actuator_endpoint_answers_on_the_public_port_signed_in_or_not() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpClient viewer = signedIn("viewer");
        HttpClient admin = signedIn("admin");
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"}) {
            for (HttpClient client : new HttpClient[] {anonymous, viewer, admin}) {
                HttpResponse<String> answer = get(client, URI.create("http://localhost:" + port + path));
                assertThat(answer.statusCode()).as(path).isNotEqualTo(200);
                assertThat(answer.body()).as(path).doesNotContain("jvm_").doesNotContain("\"status\"");
            }
        }
    }

    private URI management(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = get(http, URI.create("http://localhost:" + port + "/login")).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + user + "&password=catchball&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> result = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(result.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));
        return http;
    }

    private static HttpResponse<String> get(HttpClient http, URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
