package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Views link to each other by route class ({@code RouterLink}, {@code UI.navigate(View.class, …)},
 * {@code base/ui/Routes}), never by URL string: renaming a route is then a compile error, not a
 * broken link. This scan of {@code src/main/java} fails when a route string comes back.
 */
class RouteStringsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ROUTE = Pattern.compile("@Route\\((?:value\\s*=\\s*)?\"([^\"]*)\"");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Navigation by a string, whatever the string. */
    private static final Pattern NAVIGATION_BY_STRING = Pattern.compile(
            "(navigate|forwardTo|rerouteTo|setHref)\\(\\s*\"|new Anchor\\(\\s*\"(?!/|oauth2/)");

    @Test
    void no_view_is_reached_by_a_url_string() {
        Set<String> routes = new TreeSet<>();
        List<Path> files = javaFiles();
        files.forEach(f -> {
            Matcher m = ROUTE.matcher(read(f));
            while (m.find()) {
                routes.add(m.group(1));
            }
        });
        assertThat(routes).as("routes found").contains("x-matrix", "catchball", "profile", "metrics/metric");

        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String[] lines = read(f).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.strip().startsWith("@Route") || line.strip().startsWith("*") || line.strip().startsWith("//")) {
                    continue;
                }
                if (NAVIGATION_BY_STRING.matcher(line).find()) {
                    found.add(SOURCES.relativize(f) + ":" + (i + 1) + ": " + line.strip());
                    continue;
                }
                Matcher literal = LITERAL.matcher(line);
                while (literal.find()) {
                    String text = literal.group(1);
                    if (routes.stream().anyMatch(r -> !r.isEmpty() && (text.startsWith(r + "?") || text.startsWith(r + "/")))) {
                        found.add(SOURCES.relativize(f) + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(found).as("route strings: link with RouterLink, UI.navigate(View.class, …) or base/ui/Routes instead").isEmpty();
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
