package app.catchball.base;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.PackagedApp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up of the packaged application in real processes: ready before serving (a demo user signs
 * in at the first moment the port answers, the demo API token works), atomic seeding (a first start
 * killed or stopped while seeding leaves an empty database that the next start seeds completely),
 * one owner per data folder (a second instance refuses with one line and leaves the first alone;
 * a PostgreSQL whose owner was killed is taken over), and no acknowledged write lost on a power cut.
 */
class StartupIT {

    static final String WARD7_TOKEN = "cb_demo_ward7_00000000000000000";
    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void demo_users_sign_in_at_the_first_moment_the_port_answers_and_a_second_instance_leaves_the_first_alone() throws Exception {
        Path data = dir.resolve("data/postgres");
        long started = System.nanoTime();
        try (PackagedApp first = PackagedApp.in(dir.resolve("first")).arg("--catchball.embedded-postgres.data-dir=" + data).start()) {
            first.waitForPort(START);
            assertThat(signIn(first, "ward7.manager", "catchball")).as("signed in at the first moment the port answers").isTrue();
            long toSignIn = (System.nanoTime() - started) / 1_000_000;
            System.out.println("Start to first successful sign-in on an empty data folder: " + toSignIn + " ms");
            assertThat(api(first, "/api/v1/units").statusCode()).isEqualTo(200);

            try (PackagedApp second = PackagedApp.in(dir.resolve("second"))
                    .arg("--catchball.embedded-postgres.data-dir=" + data).start()) {
                assertThat(second.waitForExit(START)).isNotZero();
                assertThat(second.output()).contains("Catchball is already running on " + data + " (process " + first.pid()
                        + "). Stop it first, or choose another folder with --catchball.embedded-postgres.data-dir.");
                assertThat(second.output()).doesNotContain("\tat ").doesNotContain("Embedded PostgreSQL started");
            }
            assertThat(signIn(first, "viewer", "catchball")).as("the first instance and its database are untouched").isTrue();
            assertThat(api(first, "/api/v1/units").statusCode()).isEqualTo(200);

            first.kill();
        }
        // The killed instance's PostgreSQL has no owner any more: the next start takes it over.
        try (PackagedApp again = PackagedApp.in(dir.resolve("again")).arg("--catchball.embedded-postgres.data-dir=" + data).start()) {
            again.waitForPort(START);
            assertThat(again.output()).contains("left running on").doesNotContain("Empty database");
            assertThat(signIn(again, "ward7.manager", "catchball")).isTrue();

            // No lost data on a power cut: a burst of writes through the API, the JVM and its
            // PostgreSQL killed with SIGKILL in the middle of it, and every acknowledged write is back.
            long metric = wardMetric(again);
            Map<String, String> acknowledged = burstOfWritesUntilPowerCut(again, metric, data);
            try (PackagedApp recovered = PackagedApp.in(dir.resolve("recovered"))
                    .arg("--catchball.embedded-postgres.data-dir=" + data).start()) {
                recovered.waitForPort(START);
                HttpResponse<String> values = api(recovered, "/api/v1/metrics/" + metric + "/values");
                assertThat(values.statusCode()).isEqualTo(200);
                Map<String, String> stored = parseValues(values.body());
                acknowledged.forEach((period, value) -> {
                    assertThat(stored).as("acknowledged write %s", period).containsKey(period);
                    assertThat(Double.parseDouble(stored.get(period))).isEqualTo(Double.parseDouble(value));
                });
                assertThat(api(recovered, "/api/v1/metrics/" + metric + "/spc").statusCode())
                        .as("the database answers consistently after recovery").isEqualTo(200);
            }
        }
    }

    /** Writes values one request at a time; after 40 acknowledged writes, kills the JVM and PostgreSQL mid-burst. */
    private static Map<String, String> burstOfWritesUntilPowerCut(PackagedApp app, long metric, Path data) throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                String period = String.format(Locale.ROOT, "%d-%02d-01", 2000 + i / 12, i % 12 + 1);
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(app.uri("/api/v1/metrics/" + metric + "/values"))
                            .header("Authorization", "Bearer " + WARD7_TOKEN).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(20))
                            .PUT(HttpRequest.BodyPublishers.ofString("[{\"period\":\"" + period + "\",\"value\":" + i + "}]"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        acknowledged.put(period, String.valueOf(i));
                    }
                } catch (Exception serverGone) {
                    return;
                }
            }
        });
        writer.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.size() >= 40 || !writer.isAlive());
        app.powerCut(data);
        writer.join(10_000);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);
        return Map.copyOf(acknowledged);
    }

    private static long wardMetric(PackagedApp app) throws IOException, InterruptedException {
        Matcher w7 = Pattern.compile("\\{[^{}]*\"shortCode\":\"W7\"[^{}]*}").matcher(api(app, "/api/v1/units").body());
        assertThat(w7.find()).isTrue();
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(w7.group());
        assertThat(id.find()).isTrue();
        String metrics = api(app, "/api/v1/units/" + id.group(1) + "/metrics").body();
        Matcher metric = Pattern.compile("\"id\":(\\d+)").matcher(metrics);
        assertThat(metric.find()).as(metrics).isTrue();
        return Long.parseLong(metric.group(1));
    }

    private static Map<String, String> parseValues(String json) {
        Matcher m = Pattern.compile("\"period\":\"([0-9-]+)\",\"value\":([0-9.eE+-]+)").matcher(json);
        Map<String, String> values = new HashMap<>();
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        return values;
    }

    @Test
    void a_first_start_killed_or_stopped_while_seeding_leaves_an_empty_database_that_the_next_start_seeds_completely()
            throws Exception {
        Path data = dir.resolve("data/postgres");
        try (PackagedApp killed = PackagedApp.in(dir.resolve("killed")).arg("--catchball.embedded-postgres.data-dir=" + data).start()) {
            // Mid-seed: the units and people are in (not yet committed), the plan is on its way.
            killed.waitForOutput("Demo trust: \\d+ units and \\d+ people so far", START);
            killed.kill();
            assertThat(killed.output()).doesNotContain("Demo data ready");
        }
        try (PackagedApp stopped = PackagedApp.in(dir.resolve("stopped")).arg("--catchball.embedded-postgres.data-dir=" + data).start()) {
            stopped.waitForOutput("Demo trust: \\d+ units and \\d+ people so far", START);
            stopped.stop(START);
            assertThat(stopped.output()).as("the killed start left an empty database").contains("left running on");
        }
        boolean stoppedFinishedSeeding = Files.readString(dir.resolve("stopped/app.log")).contains("Demo data ready");
        try (PackagedApp complete = PackagedApp.in(dir.resolve("complete")).arg("--catchball.embedded-postgres.data-dir=" + data).start()) {
            complete.waitForPort(START);
            // SIGTERM either rolls the seeding back or lets it finish first; never anything in between.
            assertThat(complete.output().contains("Demo data ready")).as("seeded again").isNotEqualTo(stoppedFinishedSeeding);
            assertThat(signIn(complete, "admin", "catchball")).isTrue();
            HttpResponse<String> units = api(complete, "/api/v1/units");
            assertThat(units.statusCode()).isEqualTo(200);
            assertThat(Pattern.compile("\"shortCode\"").matcher(units.body()).results().count())
                    .as("the whole demo trust: 1 trust, 4 divisions, 10 directorates, 31 wards and departments").isEqualTo(46);
        }
    }

    /** Signs in through the sign-in form (with its CSRF token when the page has one). */
    static boolean signIn(PackagedApp app, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(app.uri("/login")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the sign-in page answers at once").isEqualTo(200);
        String form = "username=" + encode(username) + "&password=" + encode(password);
        String csrf = csrfToken(page.body());
        if (csrf != null) {
            form += "&_csrf=" + encode(csrf);
        }
        HttpResponse<String> result = http.send(HttpRequest.newBuilder(app.uri("/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = result.headers().firstValue("Location").orElse("");
        return result.statusCode() == 302 && !location.contains("/login");
    }

    private static String csrfToken(String html) {
        for (Pattern p : new Pattern[] {
                Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\""),
                Pattern.compile("(?:value|content)=\"([^\"]+)\"[^>]*name=\"_csrf\""),
                Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"")}) {
            Matcher m = p.matcher(html);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    static HttpResponse<String> api(PackagedApp app, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + WARD7_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
