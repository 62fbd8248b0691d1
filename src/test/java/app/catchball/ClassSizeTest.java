package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Size is a feature: a class a newcomer cannot read in one sitting has more than one job. No source
 * file of the application grows past {@value #MAX_LINES} lines; the demo trust's data is exempt.
 */
class ClassSizeTest {

    private static final int MAX_LINES = 400;
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path DEMO = SOURCES.resolve("app/catchball/demo");

    @Test
    void no_class_of_the_application_has_more_than_400_lines() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(DEMO))
                    .forEach(f -> {
                        long lines = lines(f);
                        if (lines > MAX_LINES) {
                            tooLong.put(SOURCES.relativize(f).toString(), lines);
                        }
                    });
        }
        assertThat(tooLong).as("classes over %d lines: split them into cohesive pieces", MAX_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
