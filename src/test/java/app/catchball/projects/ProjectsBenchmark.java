package app.catchball.projects;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.support.BenchmarkOrganisation;
import app.catchball.support.BenchmarkResults;
import app.catchball.support.SpringTest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 point 5: the project-alignment walk ({@code AlignmentQueries.REACH}, every plan item reached
 * upwards from every project's links) for all the demo trust's projects, as the Projects view runs it
 * for the trust with the units below, in a database that also holds the benchmark organisation. Not part of the normal run: {@code ./mvnw -Pbenchmark test}.
 */
@Tag("benchmark")
@SpringTest
class ProjectsBenchmark {

    @Autowired
    AlignmentQueries alignment;

    @Autowired
    ProjectQueries projects;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_alignment_walk_of_the_whole_demo_trust() {
        // Measured with the benchmark organisation's 51,000 items in the same tables, as in a full run.
        BenchmarkOrganisation.ensure(jdbc, fixture.cycle());
        jdbc.sql("analyze").update();
        List<Long> ids = projects.idsUnder(fixture.unit("NTH"));
        assertThat(ids).hasSizeGreaterThan(50);
        for (int i = 0; i < 50; i++) {
            alignment.reachedBy(ids);
        }
        long[] ns = new long[200];
        Map<Long, Set<Long>> reached = Map.of();
        for (int i = 0; i < ns.length; i++) {
            long t = System.nanoTime();
            reached = alignment.reachedBy(ids);
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        double median = ns[ns.length / 2] / 1e6;
        String text = String.format(Locale.ROOT, "projects.reach.demo: %d projects reach %d plan items%n"
                        + "BENCH projects.reach.demo-trust %.2f ms target <= 5 ms %s%n", ids.size(), reached.size(), median,
                median <= 5 ? "met" : "MISSED");
        BenchmarkResults.print(text);
        if (Boolean.getBoolean("bench.explain")) {
            System.out.println(String.join("\n", jdbc.sql("explain (analyze, buffers) " + AlignmentQueries.REACH)
                    .param("ids", ids).query(String.class).list()));
        }
        assertThat(reached).isNotEmpty();
    }
}
