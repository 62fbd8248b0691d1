package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.api.ApiTokenService;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 50 writers PUT values for the same three periods at the same moment, through the real HTTP API.
 * Afterwards each period's history is an unbroken chain (every old value is the previous new one,
 * the first has none, the last new value is the stored one) and the answers' counts add up.
 */
@SpringTest
class ConcurrentCorrectionsTest {

    @Autowired
    Fixtures fixtures;

    /** The class's own ward, made once: its probe metrics stay out of the demo wards. */
    private Fixtures.Ward ownWard() {
        return fixtures.wardOf(getClass(), "Corrections ward");
    }

    private static final int WRITERS = 50;
    private static final List<String> PERIODS = List.of("2025-01-01", "2025-02-01", "2025-03-01");

    @LocalServerPort
    int port;

    @Autowired
    PlanningService planning;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    record Link(LocalDate period, BigDecimal oldValue, BigDecimal newValue) {
    }

    @Test
    void fifty_concurrent_writers_leave_an_unbroken_history_per_period_and_truthful_counts() throws Exception {
        long metric = SystemUser.runAs("admin", () -> planning.createItem(ownWard().id(), fixture.cycle(), ItemKind.METRIC,
                ItemDraft.titled("Concurrent corrections").withMetric("count", Direction.UP, null, null, null))).id();
        String token = SystemUser.runAs("admin", () -> tokens.create("Concurrent writers")).token();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(WRITERS)).build();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                String body = PERIODS.stream().map(p -> "{\"period\":\"" + p + "\",\"value\":" + ((writer * 7 + p.hashCode()) % 5) + "}")
                        .collect(Collectors.joining(",", "[", "]"));
                answers.add(writers.submit(() -> {
                    start.await();
                    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/metrics/" + metric + "/values"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode saved = json.readTree(response.body());
            created += saved.get("created").intValue();
            changed += saved.get("changed").intValue();
            unchanged += saved.get("unchanged").intValue();
        }

        List<Link> history = jdbc.sql("select period, old_value, new_value from metric_value_history where metric_id = :m order by id")
                .param("m", metric).query(Link.class).list();
        Map<LocalDate, BigDecimal> stored = new HashMap<>();
        jdbc.sql("select period, value from metric_value where metric_id = :m").param("m", metric)
                .query(rs -> {
                    stored.put(rs.getObject("period", LocalDate.class), rs.getBigDecimal("value"));
                });
        assertThat(created).as("one creation per period").isEqualTo(PERIODS.size());
        assertThat(created + changed + unchanged).isEqualTo(WRITERS * PERIODS.size());
        assertThat(history).as("one history row per creation or change").hasSize(created + changed);
        for (String p : PERIODS) {
            LocalDate period = LocalDate.parse(p);
            List<Link> chain = history.stream().filter(l -> l.period().equals(period)).toList();
            assertThat(chain.getFirst().oldValue()).as("the first value of %s replaces nothing", p).isNull();
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).oldValue()).as("%s link %d", p, i).isNotNull()
                        .isEqualByComparingTo(chain.get(i - 1).newValue());
                assertThat(chain.get(i).newValue()).as("a correction changes the value").isNotEqualByComparingTo(chain.get(i).oldValue());
            }
            assertThat(chain.getLast().newValue()).isEqualByComparingTo(stored.get(period));
        }
        SystemUser.runAs("admin", () -> planning.archiveItem(metric, planning.item(metric).version()));
    }
}
