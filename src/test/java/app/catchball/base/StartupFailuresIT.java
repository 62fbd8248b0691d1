package app.catchball.base;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.PackagedApp;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up failures of the packaged application, in real processes, started side by side: each
 * ends the process with one short paragraph naming the cause and the fix, and no stack trace.
 */
class StartupFailuresIT {

    private static final Duration END = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void each_failure_names_its_cause_and_fix_without_a_stack_trace() throws Exception {
        Files.createFile(dir.resolve("a-file"));
        try (ServerSocket taken = new ServerSocket(0)) {
            int unreachable;
            try (ServerSocket probe = new ServerSocket(0)) {
                unreachable = probe.getLocalPort();
            }
            String url = "jdbc:postgresql://localhost:" + unreachable + "/catchball";
            try (PackagedApp noDatabase = PackagedApp.in(dir.resolve("unreachable"))
                         .arg("--spring.datasource.url=" + url).arg("--spring.datasource.username=catchball")
                         .arg("--spring.datasource.password=secret").start();
                 PackagedApp notWritable = PackagedApp.in(dir.resolve("not-writable"))
                         .arg("--catchball.embedded-postgres.data-dir=" + dir.resolve("a-file/postgres")).start();
                 PackagedApp portInUse = PackagedApp.in(dir.resolve("port")).port(taken.getLocalPort())
                         .arg("--catchball.demo.enabled=false").arg("--catchball.embedded-postgres.data-dir=" + dir.resolve("port/pg")).start();
                 PackagedApp prodWithoutDatabase = PackagedApp.in(dir.resolve("prod"))
                         .env("SPRING_PROFILES_ACTIVE", "prod").env("CATCHBALL_ADMIN_PASSWORD", "correct-horse-battery").start()) {

                assertFailure(noDatabase, "Catchball cannot reach its database at " + url,
                        "Check that PostgreSQL is running there");
                assertFailure(notWritable, "Catchball cannot write its database folder " + dir.resolve("a-file/postgres"),
                        "Choose a folder that the user running Catchball can write, with --catchball.embedded-postgres.data-dir");
                assertFailure(portInUse, "Port " + taken.getLocalPort() + " was already in use",
                        "Identify and stop the process that's listening on port " + taken.getLocalPort());
                assertFailure(prodWithoutDatabase, "Catchball has no database",
                        "set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD");
                assertThat(prodWithoutDatabase.output()).as("the prod profile starts no embedded database")
                        .doesNotContain("Embedded PostgreSQL started").doesNotContain("initdb");
                assertThat(Files.exists(dir.resolve("prod/data"))).isFalse();
            }
        }
    }

    private static void assertFailure(PackagedApp app, String cause, String fix) {
        assertThat(app.waitForExit(END)).isNotZero();
        String output = app.output();
        assertThat(output).contains("APPLICATION FAILED TO START", cause, fix);
        assertThat(output.lines().filter(line -> line.matches("\\s+at [\\w.$]+\\(.*"))).as("stack trace lines in:\n" + output).isEmpty();
        assertThat(output).doesNotContain("Exception encountered during context initialization");
    }
}
