package app.catchball.base;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.YEAR;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The one way dates and times read in Catchball, in British style: a day "1 Dec 2026", a month
 * "Dec 2026", a time "23:41", and both "1 Dec 2026 23:41" (in prose "1 Dec 2026 at 23:41").
 * Months are the three-letter English names, whatever the machine's locale (Java's own British
 * locale would write "Sept").
 */
public final class Formats {

    private static final Map<Long, String> MONTHS = Map.ofEntries(Map.entry(1L, "Jan"), Map.entry(2L, "Feb"),
            Map.entry(3L, "Mar"), Map.entry(4L, "Apr"), Map.entry(5L, "May"), Map.entry(6L, "Jun"), Map.entry(7L, "Jul"),
            Map.entry(8L, "Aug"), Map.entry(9L, "Sep"), Map.entry(10L, "Oct"), Map.entry(11L, "Nov"), Map.entry(12L, "Dec"));

    /** "Dec 2026". */
    public static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
            .appendText(MONTH_OF_YEAR, MONTHS).appendLiteral(' ').appendValue(YEAR, 4, 9, SignStyle.NORMAL)
            .toFormatter(Locale.UK);

    /** "1 Dec 2026". */
    public static final DateTimeFormatter DAY = new DateTimeFormatterBuilder()
            .appendValue(DAY_OF_MONTH).appendLiteral(' ').append(MONTH).toFormatter(Locale.UK);

    /** "23:41". */
    public static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2).toFormatter(Locale.UK);

    /** "1 Dec 2026 23:41", for lists and tables. */
    public static final DateTimeFormatter DAY_AND_TIME = new DateTimeFormatterBuilder()
            .append(DAY).appendLiteral(' ').append(TIME).toFormatter(Locale.UK);

    /** "1 Dec 2026 at 23:41", for sentences. */
    public static final DateTimeFormatter DAY_AT_TIME = new DateTimeFormatterBuilder()
            .append(DAY).appendLiteral(" at ").append(TIME).toFormatter(Locale.UK);

    private Formats() {
    }
}
