package app.catchball.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The application as it ships: the production-mode jar that {@code ./mvnw verify} builds into
 * {@code target/packaged} before the {@code *IT} tests (see the {@code packaged-app} profile in the
 * pom), started as a real process with {@code java -jar}. Its output goes to {@code app.log} in
 * the working folder; {@link #output()} reads it.
 *
 * <pre>{@code
 * try (PackagedApp app = PackagedApp.in(dir).arg("--catchball.embedded-postgres.data-dir=" + dir.resolve("pg")).start()) {
 *     app.waitForPort(Duration.ofSeconds(90));
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri("/login")).build(), …);
 * }
 * }</pre>
 */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private PackagedApp(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** The packaged jar; fails with a clear message when it has not been built. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("catchball.packaged-jar", "target/packaged/catchball-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged application at " + jar.toAbsolutePath()
                    + ": run the *IT tests through ./mvnw verify, which builds it first.");
        }
        return jar;
    }

    /** A new start in the given working folder (relative paths such as ./data resolve there). */
    public static Builder in(Path workDir) {
        return new Builder(workDir);
    }

    public static final class Builder {
        private final Path workDir;
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"));
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();
        private Integer port;

        private Builder(Path workDir) {
            this.workDir = workDir;
        }

        public Builder arg(String arg) {
            args.add(arg);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** A fixed port; by default a free one is chosen and passed as {@code --server.port}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public PackagedApp start() {
            try {
                Files.createDirectories(workDir);
                int chosen = port != null ? port : freePort();
                int management = freePort();
                List<String> command = new ArrayList<>();
                command.add(javaBinary());
                command.addAll(jvmArgs);
                command.add("-jar");
                command.add(jar().toAbsolutePath().toString());
                command.add("--server.port=" + chosen);
                command.add("--management.server.port=" + management);
                command.addAll(args);
                Path log = workDir.resolve("app.log");
                ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().putAll(env);
                return new PackagedApp(builder.start(), log, chosen, management);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** On the management port (health, readiness, metrics), a free one chosen at start. */
    public URI managementUri(String path) {
        return URI.create("http://localhost:" + managementPort + (path.startsWith("/") ? path : "/" + path));
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + (path.startsWith("/") ? path : "/" + path));
    }

    /** Everything the process has printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the port accepts a connection; fails if the process ends first. */
    public PackagedApp waitForPort(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 200);
                return this;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new AssertionError("The application ended (exit " + process.exitValue() + ") before its port answered:\n" + output());
                }
                pause(100);
            }
        }
        throw new AssertionError("Port " + port + " did not answer within " + timeout + ":\n" + output());
    }

    /** Waits until the output contains a match of the pattern. */
    public PackagedApp waitForOutput(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (pattern.matcher(output()).find()) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The application ended (exit " + process.exitValue() + ") before printing /" + regex + "/:\n" + output());
            }
            pause(100);
        }
        throw new AssertionError("No /" + regex + "/ within " + timeout + ":\n" + output());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Still running after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGTERM, as a service manager stops it, and waits for a clean shutdown. */
    public int stop(Duration timeout) {
        process.destroy();
        return waitForExit(timeout);
    }

    /** kill -9: no shutdown hooks, the embedded PostgreSQL is left running. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A power cut: kill -9 for the JVM and for the PostgreSQL on the given data folder (the
     * postmaster detaches from the JVM when it starts, so it is found by its data folder).
     */
    public void powerCut(Path dataDir) {
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

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
