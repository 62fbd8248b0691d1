package app.catchball.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One date style, in British English, used everywhere. */
class FormatsTest {

    @Test
    void days_months_and_times_read_the_british_way_whatever_the_machines_locale() {
        LocalDateTime evening = LocalDateTime.of(2026, 9, 1, 23, 41);

        assertThat(Formats.DAY.format(evening)).isEqualTo("1 Sep 2026");
        assertThat(Formats.MONTH.format(LocalDate.of(2026, 12, 1))).isEqualTo("Dec 2026");
        assertThat(Formats.TIME.format(LocalDateTime.of(2026, 12, 1, 7, 5))).isEqualTo("07:05");
        assertThat(Formats.DAY_AND_TIME.format(evening)).isEqualTo("1 Sep 2026 23:41");
        assertThat(Formats.DAY_AT_TIME.format(evening)).isEqualTo("1 Sep 2026 at 23:41");
    }

    @Test
    void no_screen_or_service_makes_its_own_date_format_or_a_date_picker_of_its_own() throws IOException {
        Pattern ownFormat = Pattern.compile("DateTimeFormatter\\.ofPattern\\(\"[^\"]*(d |MMM|HH)");
        Pattern barePicker = Pattern.compile("(?<!british\\()new DatePicker\\(");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    String source = Files.readString(f);
                    return Stream.of(ownFormat.matcher(source).find() ? f + ": own date format" : null,
                            barePicker.matcher(source).find() ? f + ": date picker not made British" : null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(o -> o != null).toList();
        }
        assertThat(offenders).as("use base.Formats and base.ui.DatePickers.british").isEmpty();
    }
}
