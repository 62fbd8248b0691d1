package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * No lost data on a crash: the real application in its own process on an embedded data directory
 * takes a burst of writes through the API, is killed with SIGKILL (the JVM and its PostgreSQL, as
 * a power cut would) in the middle of the burst, restarts on the same directory, and still has
 * every write it acknowledged — each with its history row.
 */
class CrashRecoveryTest {

    private static final String TOKEN = "cb_demo_ward7_00000000000000000";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void every_acknowledged_write_survives_a_sigkill_mid_burst() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-pg-");
        int port = freePort();
        Process app = start(dataDir, port, "first");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        long metric;
        try {
            metric = wardMetric(port);
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 10_000 && !Thread.currentThread().isInterrupted(); i++) {
                    String period = String.format("2000-%02d-01", i % 12 + 1).replace("2000", String.valueOf(2000 + i / 12));
                    String value = String.valueOf(i);
                    try {
                        HttpResponse<String> r = http.send(request(port, "/api/v1/metrics/" + metric + "/values")
                                .PUT(HttpRequest.BodyPublishers.ofString("[{\"period\":\"" + period + "\",\"value\":" + value + "}]"))
                                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            acknowledged.put(period, value);
                        }
                    } catch (Exception e) {
                        return; // the server is gone
                    }
                }
            });
            writer.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> acknowledged.size() >= 40 || !writer.isAlive());
            killHard(app, dataDir);
            writer.join(10_000);
        } finally {
            killHard(app, dataDir);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

        Process again = start(dataDir, port, "second");
        try {
            HttpResponse<String> values = http.send(request(port, "/api/v1/metrics/" + metric + "/values").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(values.statusCode()).isEqualTo(200);
            Map<String, String> stored = parseValues(values.body());
            for (var e : acknowledged.entrySet()) {
                assertThat(stored).as("acknowledged write %s", e.getKey()).containsKey(e.getKey());
                assertThat(Double.parseDouble(stored.get(e.getKey()))).isEqualTo(Double.parseDouble(e.getValue()));
            }
            HttpResponse<String> spc = http.send(request(port, "/api/v1/metrics/" + metric + "/spc").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(spc.statusCode()).as("the database answers consistently after recovery").isEqualTo(200);
        } finally {
            killHard(again, dataDir);
        }
    }

    private long wardMetric(int port) throws Exception {
        String units = http.send(request(port, "/api/v1/units").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher w7 = Pattern.compile("\\{[^{}]*\"shortCode\":\"W7\"[^{}]*}").matcher(units);
        assertThat(w7.find()).isTrue();
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(w7.group());
        assertThat(id.find()).isTrue();
        String metrics = http.send(request(port, "/api/v1/units/" + id.group(1) + "/metrics").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
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

    private HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(20));
    }

    private Process start(Path dataDir, int port, String name) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        Path log = Path.of("target", "crash-" + name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only, as support/PackagedApp starts the packaged jar: a start costs less CPU on 2 cores.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath, CatchballApplication.class.getName(),
                "--server.port=" + port, "--management.server.port=0", "--catchball.embedded-postgres.data-dir=" + dataDir.toAbsolutePath(),
                "--vaadin.launch-browser=false", "--logging.level.root=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("The application stopped; see " + log + ":\n" + Files.readString(log));
                        }
                        try {
                            return http.send(request(port, "/api/v1/units").GET().build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
            return process;
        } catch (ConditionTimeoutException e) {
            killHard(process, dataDir);
            throw new AssertionError("The application did not start within 3 minutes; see " + log);
        }
    }

    /**
     * SIGKILL for the JVM and its PostgreSQL, like a power cut. The postmaster detaches from the JVM
     * when it starts, so it is found by its data directory.
     */
    private static void killHard(Process process, Path dataDir) throws InterruptedException {
        String dir = dataDir.toAbsolutePath().toString();
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                .forEach(postmaster -> {
                    all.add(postmaster);
                    all.addAll(postmaster.descendants().toList());
                });
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
