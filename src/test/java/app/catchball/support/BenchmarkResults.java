package app.catchball.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where every benchmark's figures go: the console and {@code target/benchmark-results.txt}, appended in run order. */
public final class BenchmarkResults {

    private static final Path FILE = Path.of("target", "benchmark-results.txt");

    private BenchmarkResults() {
    }

    /** Prints the text and appends it to the results file (a line break is added when it has none at its end). */
    public static void print(String text) {
        String block = text.endsWith("\n") ? text : text + "\n";
        System.out.println(block);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, block, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
