package app.catchball.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.catchball.support.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes of the packaged application on one external PostgreSQL, started together on
 * an empty database with {@code CATCHBALL_DEMO_ENABLED=true}: the demo trust is seeded once, neither
 * node's readiness (on its management port) is UP before the seeding has committed, both become
 * ready, and a demo user signs in on either. The Actuator is not on the public port.
 */
class TwoNodesIT {

    /** Two starts at once on 2 shared cores. */
    private static final Duration START = Duration.ofMinutes(10);
    private static final Pattern MID_SEED = Pattern.compile("Demo trust: \\d+ units and \\d+ people so far");

    @TempDir
    Path dir;

    @Test
    void two_nodes_on_one_empty_postgresql_seed_the_demo_once_are_ready_only_after_it_and_either_signs_in() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
             PackagedApp a = node(pg, "a");
             PackagedApp b = node(pg, "b")) {
            List<PackagedApp> nodes = List.of(a, b);
            boolean[] ready = new boolean[2];
            boolean[] notReadyWhileSeeding = {false};
            try {
                await().atMost(START).pollInterval(Duration.ofMillis(150)).until(() -> {
                    for (int i = 0; i < 2; i++) {
                        if (ready[i]) {
                            continue;
                        }
                        PackagedApp node = nodes.get(i);
                        boolean seeding = isSeeding(a.output() + b.output());
                        int status = readiness(node);
                        if (status == 200) {
                            assertThat(a.output() + b.output()).as("ready only once the demo trust is committed").contains("Demo data ready");
                            assertThat(demoUnits(pg)).isEqualTo(46);
                            ready[i] = true;
                        } else if (seeding) {
                            notReadyWhileSeeding[0] = true;
                        }
                        assertThat(node.process().isAlive()).as("node %s is running:%n%s", i, node.output()).isTrue();
                    }
                    return ready[0] && ready[1];
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("Not both ready within " + START + ":\n--- a:\n" + tail(a) + "\n--- b:\n" + tail(b), e);
            }
            assertThat(notReadyWhileSeeding[0]).as("readiness was asked while the demo trust was being seeded").isTrue();
            assertThat(Pattern.compile("Demo data ready").matcher(a.output() + b.output()).results().count())
                    .as("seeded once").isEqualTo(1);
            assertThat(count(pg, "select count(*) from app_user where username = 'admin'")).isEqualTo(1);

            assertThat(StartupIT.signIn(a, "ward7.manager", "catchball")).isTrue();
            assertThat(StartupIT.signIn(b, "viewer", "catchball")).isTrue();
            assertThat(StartupIT.api(b, "/api/v1/units").statusCode()).isEqualTo(200);

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(a.managementUri("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("catchball_live_connection");
            assertThat(http.send(HttpRequest.newBuilder(a.uri("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("not on the public port").isNotEqualTo(200);
        }
    }

    private PackagedApp node(EmbeddedPostgres pg, String name) {
        return PackagedApp.in(dir.resolve(name))
                .env("SPRING_DATASOURCE_URL", pg.getJdbcUrl("postgres", "postgres"))
                .env("SPRING_DATASOURCE_USERNAME", "postgres")
                .env("SPRING_DATASOURCE_PASSWORD", "")
                .env("CATCHBALL_DEMO_ENABLED", "true")
                .start();
    }

    private static String tail(PackagedApp node) {
        String output = node.output();
        return output.substring(Math.max(0, output.length() - 4000));
    }

    private static boolean isSeeding(String output) {
        return MID_SEED.matcher(output).find() && !output.contains("Demo data ready");
    }

    /** The readiness probe's status, or -1 while the management port does not answer. */
    private static int readiness(PackagedApp node) throws InterruptedException {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(node.managementUri("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException notAnswering) {
            return -1;
        }
    }

    private static long demoUnits(EmbeddedPostgres pg) throws SQLException {
        return count(pg, "select count(*) from org_unit");
    }

    private static long count(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
