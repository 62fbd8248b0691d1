package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.PackagedApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security headers as the packaged application serves them in production mode, over real
 * HTTP: on HTML pages, redirects, static files and API answers (with and without a token), and
 * the session cookie's SameSite attribute.
 */
class PackagedSecurityHeadersIT {

    private static final String ANALYST_TOKEN = "cb_demo_analyst_0000000000000000";

    @TempDir
    static Path dir;

    private static PackagedApp app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        app = PackagedApp.in(dir).arg("--catchball.embedded-postgres.data-dir=" + dir.resolve("postgres")).start();
        app.waitForPort(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void every_kind_of_response_carries_the_headers() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(login.body()).contains("<html");

        HttpResponse<String> redirect = get("/x-matrix", null);
        assertThat(redirect.statusCode()).isEqualTo(302);

        HttpResponse<String> staticFile = get("/styles/catchball.css", null);
        assertThat(staticFile.statusCode()).isEqualTo(200);

        HttpResponse<String> apiRefused = get("/api/v1/units", null);
        assertThat(apiRefused.statusCode()).isEqualTo(401);

        // Ready before serving: the demo trust, and its token, are in place once the port answers.
        HttpResponse<String> apiAnswer = get("/api/v1/units", ANALYST_TOKEN);
        assertThat(apiAnswer.statusCode()).isEqualTo(200);

        SoftAssertions soft = new SoftAssertions();
        for (HttpResponse<String> response : List.of(login, redirect, staticFile, apiRefused, apiAnswer)) {
            String where = response.request().uri().getPath() + " (" + response.statusCode() + ")";
            soft.assertThat(response.headers().firstValue("Content-Security-Policy")).as(where).get().asString()
                    .contains("frame-ancestors 'none'", "default-src 'self'", "object-src 'none'");
            soft.assertThat(response.headers().firstValue("X-Content-Type-Options")).as(where).contains("nosniff");
            soft.assertThat(response.headers().firstValue("Referrer-Policy")).as(where).contains("strict-origin-when-cross-origin");
            soft.assertThat(response.headers().allValues("X-Frame-Options")).as(where).containsExactly("DENY");
        }
        soft.assertAll();
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_http_only() throws Exception {
        HttpResponse<String> login = get("/login", null);

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("SameSite=Lax", "HttpOnly"));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
