package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.base.RuleViolation;
import app.catchball.metrics.ImportPreview;
import app.catchball.metrics.MetricImportService;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanningService;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random and malformed input, from a seeded generator of our own: the API never answers 5xx and
 * a refused request changes nothing; the CSV/Excel import never fails with anything but a clear
 * message and saves exactly the rows its preview called good. Counts go to target/fuzz-results.txt.
 */
@SpringTest
class FuzzTest {

    private static final String TOKEN = "cb_demo_ward7_00000000000000000";
    private static final long SEED = 20261126L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricImportService imports;

    @Autowired
    PlanningService planning;

    @Autowired
    Fixtures fixtures;

    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_api_answers_random_and_malformed_input_without_5xx_and_without_partial_writes() throws Exception {
        // A metric on a ward of its own, so that neither the random values nor the metric itself
        // disturb the demo data (Ward 7's matrix and metrics) other classes read.
        long metric = fixtures.metric(fixtures.ward("Fuzz ward"), "Fuzz metric").id();
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        for (int i = 0; i < 400; i++) {
            boolean spc = random.nextBoolean();
            String body = spc ? spcBody() : valuesBody();
            long before = jdbc.sql("select count(*) from series_value_history").query(Long.class).single();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + (spc ? "/api/v1/spc" : "/api/v1/metrics/" + metric + "/values")))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
            request = spc ? request.POST(HttpRequest.BodyPublishers.ofString(body)) : request.PUT(HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            requests++;
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertThat(response.statusCode()).as("%s → %s", body, response.body()).isLessThan(500);
            long after = jdbc.sql("select count(*) from series_value_history").query(Long.class).single();
            if (response.statusCode() != 200) {
                assertThat(after).as("a refused request changes nothing: %s", body).isEqualTo(before);
            }
        }
        SystemUser.runAs("admin", () -> planning.archiveItem(metric, planning.item(metric).version()));
        report("API fuzz: " + requests + " requests (seed " + SEED + "), statuses " + statuses + ", 5xx: 0, partial writes: 0");
    }

    @Test
    void the_import_never_fails_unclearly_and_saves_exactly_the_good_rows() throws Exception {
        // A ward of its own with metrics M1 to M3 (one named "Falls with harm"), away from the demo metrics.
        Fixtures.Ward ward = fixtures.ward("Import fuzz ward");
        for (String title : List.of("Fuzz one", "Fuzz two", "Falls with harm")) {
            SystemUser.runAs("admin", () -> planning.createItem(ward.id(), fixtures.cycle(),
                    ItemKind.METRIC, ItemDraft.titled(title)
                            .withMetric("count", Direction.DOWN, null, null, null)));
        }
        int files = 0;
        int refusedFiles = 0;
        int goodRows = 0;
        int badRows = 0;
        for (int i = 0; i < 150; i++) {
            byte[] content = random.nextInt(5) == 0 ? randomBytes() : csv().getBytes(StandardCharsets.UTF_8);
            String name = random.nextInt(6) == 0 ? "values.xlsx" : "values.csv";
            files++;
            ImportPreview preview;
            try {
                preview = SystemUser.runAs("admin", () -> imports.preview(ward.id(), fixtures.cycle(), name,
                        new ByteArrayInputStream(content)));
            } catch (RuleViolation refused) {
                refusedFiles++;
                continue;
            }
            goodRows += (int) preview.goodRows();
            badRows += (int) preview.badRows();
            long before = jdbc.sql("select count(*) from series_value_history").query(Long.class).single();
            if (preview.goodRows() == 0) {
                continue;
            }
            var saved = SystemUser.runAs("admin", () -> imports.saveGoodRows(preview));
            long after = jdbc.sql("select count(*) from series_value_history").query(Long.class).single();
            assertThat(saved.created() + saved.changed() + saved.unchanged()).isEqualTo((int) preview.goodRows());
            assertThat(after - before).isEqualTo(saved.created() + saved.changed());
        }
        report("Import fuzz: " + files + " files (seed " + SEED + "), " + refusedFiles + " refused whole with a message, "
                + goodRows + " good rows saved, " + badRows + " bad rows marked, 0 unexpected errors");
    }

    private String spcBody() {
        return switch (random.nextInt(8)) {
            case 0 -> garbage();
            case 1 -> "{\"values\":" + numbers(random.nextInt(80)) + ",\"improvementDirection\":\"" + pick("increase", "decrease", "neutral", "up", "") + "\"}";
            case 2 -> "{\"values\":[" + pick("1,\"x\"", "null", "true", "1e400", "[]", "{}") + "],\"improvementDirection\":\"increase\"}";
            case 3 -> "{\"values\":" + numbers(5) + ",\"dates\":[\"" + pick("2026-01-01", "2026-13-01", "x", "") + "\"],\"improvementDirection\":\"decrease\"}";
            case 4 -> "{\"values\":" + numbers(30) + ",\"improvementDirection\":\"increase\",\"fixAfterNPoints\":" + random.nextInt(40) + ",\"target\":" + pick("5", "null", "\"a\"", "1e999") + "}";
            case 5 -> "{\"values\":" + numbers(20) + ",\"improvementDirection\":\"neutral\",\"rebaseDates\":[\"2026-02-01\"],\"screenOutliers\":" + pick("true", "false", "1", "\"no\"") + "}";
            case 6 -> pick("", "null", "[]", "{}", "{\"values\":[]}", "\"text\"", "{\"values\":" + numbers(10001) + ",\"improvementDirection\":\"increase\"}");
            default -> "{\"values\":" + numbers(60) + ",\"improvementDirection\":\"increase\",\"target\":50}";
        };
    }

    private String valuesBody() {
        return switch (random.nextInt(6)) {
            case 0 -> garbage();
            case 1 -> "[{\"period\":\"" + pick("2021-01-01", "2021-02-30", "x", "", "2021-1-1") + "\",\"value\":" + pick("1", "-5.5", "\"a\"", "null", "1e13", "true") + "}]";
            case 2 -> "[{\"period\":\"2021-03-01\",\"value\":1},{\"period\":\"2021-03-15\",\"value\":2}]";
            case 3 -> pick("[]", "{}", "null", "[null]", "[{}]", "[{\"period\":null,\"value\":1}]");
            case 4 -> "[{\"period\":\"2021-04-01\",\"value\":" + random.nextInt(100) + "},{\"period\":\"2021-05-01\",\"value\":\"bad\"}]";
            default -> "[{\"period\":\"2021-0" + (1 + random.nextInt(9)) + "-01\",\"value\":" + random.nextInt(100) + "}]";
        };
    }

    private String csv() {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "metric,period,value\n" : "");
        for (int r = 0, rows = random.nextInt(30); r < rows; r++) {
            s.append(pick("M1", "M2", "M3", "M9", "Falls with harm", "", "\"M1\"", "m2", "x,y"))
                    .append(',').append(pick("2022-01", "2022-13", "2022-02-01", "Jan", "", "2022-1"))
                    .append(',').append(pick(String.valueOf(random.nextInt(100)), "1.5", "-3", "abc", "", "1e20", "1,000"))
                    .append(random.nextInt(10) == 0 ? ",extra" : "").append('\n');
        }
        if (random.nextInt(8) == 0) {
            s.append("\"unclosed quote,2022-01,5\n");
        }
        return s.toString();
    }

    private String numbers(int n) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(String.valueOf(Math.round(random.nextGaussian() * 100) / 10.0));
        }
        return "[" + String.join(",", values) + "]";
    }

    private String garbage() {
        byte[] bytes = randomBytes();
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static void report(String line) throws Exception {
        System.out.println(line);
        Files.writeString(Path.of("target", "fuzz-results.txt"), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
