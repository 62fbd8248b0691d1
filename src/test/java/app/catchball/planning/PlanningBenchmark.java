package app.catchball.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.api.ApiTokenService;
import app.catchball.security.SystemUser;
import app.catchball.support.BenchmarkOrganisation;
import app.catchball.support.BenchmarkResults;
import app.catchball.support.SpringTest;
import app.catchball.support.StatementCounter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Quality targets of DESIGN.md on a generated trust of 3,001 units and ~51,000 plan items.
 * Not part of the normal run: {@code ./mvnw -Pbenchmark verify}. Figures go to the console and to
 * {@code target/benchmark-results.txt}.
 */
@Tag("benchmark")
@SpringTest
class PlanningBenchmark {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanningService planning;

    @Autowired
    PlanFixture fixture;

    @Autowired
    CascadeTree cascade;

    @Autowired
    ApiTokenService tokens;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void matrix_and_line_of_sight_on_a_trust_of_3000_units_and_50000_items() throws IOException {
        long cycle = fixture.cycle();
        long started = System.nanoTime();
        BenchmarkOrganisation.ensure(jdbc, cycle);
        int units = jdbc.sql("select count(*) from org_unit where short_code like 'BENCH%'").query(Integer.class).single();
        int items = jdbc.sql("select count(*) from plan_item p join org_unit u on u.id = p.unit_id where u.short_code like 'BENCH%'")
                .query(Integer.class).single();
        jdbc.sql("analyze").update();
        long generatedMs = (System.nanoTime() - started) / 1_000_000;

        long ward = jdbc.sql("select id from org_unit where short_code = 'BENCH-7-3-12'").query(Long.class).single();
        long wardPriority = jdbc.sql("select id from plan_item where unit_id = :u and kind = 'PRIORITY' and number = 1")
                .param("u", ward).query(Long.class).single();
        long root = jdbc.sql("select id from org_unit where short_code = 'BENCH'").query(Long.class).single();
        long rootPriority = jdbc.sql("select id from plan_item where unit_id = :u and kind = 'PRIORITY' and number = 1")
                .param("u", root).query(Long.class).single();

        String token = "cb_benchmarkUnitsPage0000000000000";
        SystemUser.runAs("admin", () -> {
            tokens.createWithValue("admin", "Benchmark", token);
            return null;
        });

        String report = String.join("\n",
                "Planning benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, embedded PostgreSQL 17)",
                "generated: " + units + " units, " + items + " plan items in " + generatedMs + " ms",
                time("X-matrix model of a ward (server time)", () -> planning.matrix(ward, cycle)),
                time("line of sight, ward priority -> True North", () -> planning.lineOfSight(wardPriority)),
                bench("cascade.trust.open", 300, () -> openToPriorities(cycle)),
                bench("cascade.trust.expand-priority", 300, () -> cascade.children(rootPriority, cycle)),
                bench("xmatrix.trust.click-priority", 300, () -> List.of(planning.lineOfSight(rootPriority),
                        cascade.children(rootPriority, cycle))),
                bench("cascade.beneath.ward-priority", 5, () -> cascade.children(wardPriority, cycle)),
                bench("api.units.page", 50, () -> unitsOverHttp(token)),
                "line of sight rows: " + SystemUser.runAs("admin", () -> planning.lineOfSight(wardPriority)).size()
                        + ", statements for the matrix: " + statements(() -> planning.matrix(ward, cycle)),
                "");
        BenchmarkResults.print(report);
        assertThat(items).isGreaterThanOrEqualTo(50_000);
    }

    /** A page of {@code GET /api/v1/units} (1,000 units of the 3,000) over real HTTP with a token, JSON and all. */
    private String unitsOverHttp(String token) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the Cascade view loads when it opens: the roots, then each level down to the top unit's priorities. */
    private List<PlanNode> openToPriorities(long cycle) {
        List<PlanNode> shown = new ArrayList<>(cascade.roots(cycle));
        ArrayDeque<PlanNode> todo = new ArrayDeque<>(shown);
        while (!todo.isEmpty()) {
            PlanNode n = todo.pop();
            if (n.hasChildren() && n.kind() != ItemKind.PRIORITY && n.kind() != ItemKind.METRIC && n.kind() != ItemKind.INPUT) {
                List<PlanNode> below = cascade.children(n.id(), cycle).stream().filter(c -> c.unitId() == n.unitId()).toList();
                shown.addAll(below);
                todo.addAll(below);
            }
        }
        return shown;
    }

    /** One line a script can read: {@code BENCH <name> <median> ms target <= <target> ms met|MISSED}. */
    private static String bench(String name, double targetMs, Supplier<?> work) {
        return SystemUser.runAs("admin", () -> {
            for (int i = 0; i < 10; i++) {
                work.get();
            }
            long[] ns = new long[30];
            for (int i = 0; i < ns.length; i++) {
                long t = System.nanoTime();
                work.get();
                ns[i] = System.nanoTime() - t;
            }
            Arrays.sort(ns);
            double median = ns[ns.length / 2] / 1e6;
            return String.format(Locale.ROOT, "BENCH %s %.2f ms target <= %s ms %s", name, median,
                    new BigDecimal(targetMs).stripTrailingZeros().toPlainString(), median <= targetMs ? "met" : "MISSED");
        });
    }

    private int statements(Supplier<?> work) {
        int[] n = new int[1];
        SystemUser.runAs("admin", () -> StatementCounter.counting(work::get, n));
        return n[0];
    }

    private static String time(String what, Supplier<?> work) {
        return SystemUser.runAs("admin", () -> {
            for (int i = 0; i < 30; i++) {
                work.get();
            }
            long[] ns = new long[50];
            for (int i = 0; i < ns.length; i++) {
                long t = System.nanoTime();
                work.get();
                ns[i] = System.nanoTime() - t;
            }
            Arrays.sort(ns);
            return String.format("%s: median %.2f ms, p90 %.2f ms", what, ns[25] / 1e6, ns[45] / 1e6);
        });
    }
}
