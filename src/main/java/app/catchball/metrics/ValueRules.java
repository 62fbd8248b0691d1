package app.catchball.metrics;

import app.catchball.base.Formats;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/**
 * The rules a metric value must meet, the same for the form, the CSV/Excel upload and the API:
 * which periods a metric takes (first of the month or a Monday, from 2000 up to now) and how large
 * a value may be.
 */
public final class ValueRules {

    static final BigDecimal LIMIT = new BigDecimal("1e12");

    /** Why a value too large (or not finite) is refused. */
    public static final String VALUE_TOO_LARGE = "A value must be smaller than 1,000,000,000,000.";

    /** The earliest period a value may have. */
    public static final LocalDate EARLIEST_PERIOD = LocalDate.of(2000, 1, 1);

    private static final DateTimeFormatter DAY = Formats.DAY;
    private static final DateTimeFormatter MONTH = Formats.MONTH;

    private ValueRules() {
    }

    /**
     * Why a value cannot be entered for the metric, or null when it can: the one rule behind the
     * form, the CSV/Excel preview and the API. The metric must not be archived; the period must be
     * the first day of a month (monthly) or a Monday (weekly), from 1 Jan 2000 up to the current
     * period; the value a number smaller than 1,000,000,000,000 in size. {@code today} is the
     * application clock's date (the caller has its own permission check).
     */
    public static String refusal(MetricInfo metric, ValueEntry entry, LocalDate today) {
        if (metric.archived()) {
            return archivedMessage(metric);
        }
        String problem = entry == null ? "Every value needs its period." : periodProblem(metric, entry.period(), today);
        return problem != null ? problem : valueProblem(entry.value());
    }

    /** Why the period cannot hold a value of the metric, or null when it can. */
    public static String periodProblem(MetricInfo metric, LocalDate period, LocalDate today) {
        if (period == null) {
            return "Every value needs its period.";
        }
        boolean weekly = metric.frequency() == Frequency.WEEKLY;
        if (!weekly && period.getDayOfMonth() != 1) {
            return DAY.format(period) + " is not the first day of a month: a monthly value belongs to the first day of its month ("
                    + DAY.format(period.withDayOfMonth(1)) + ").";
        }
        if (weekly && period.getDayOfWeek() != DayOfWeek.MONDAY) {
            return DAY.format(period) + " is not a Monday: a weekly value belongs to the Monday of its week ("
                    + DAY.format(normalise(period, Frequency.WEEKLY)) + ").";
        }
        if (period.isBefore(EARLIEST_PERIOD)) {
            return DAY.format(period) + " is before 1 Jan 2000: values start in January 2000 at the earliest.";
        }
        LocalDate current = currentPeriod(metric.frequency(), today);
        if (period.isAfter(current)) {
            return DAY.format(period) + " is in the future: values can be entered up to the current "
                    + (weekly ? "week (week of " + DAY.format(current) + ")" : "month (" + MONTH.format(current) + ")") + ".";
        }
        return null;
    }

    /** Why the number cannot be stored as a value, or null when it can. */
    public static String valueProblem(BigDecimal value) {
        if (value == null) {
            return "A value is missing.";
        }
        if (value.abs().compareTo(LIMIT) >= 0) {
            return VALUE_TOO_LARGE;
        }
        return null;
    }

    /** The latest period that may hold a value: this month's first day, or this week's Monday. */
    public static LocalDate currentPeriod(Frequency frequency, LocalDate today) {
        return normalise(today, frequency);
    }

    static String archivedMessage(MetricInfo metric) {
        return metric.label() + " is archived: it takes no new values.";
    }

    /** The first day of the month, or the Monday of the week. */
    public static LocalDate normalise(LocalDate day, Frequency frequency) {
        return frequency == Frequency.WEEKLY
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
    }

    public static String periodText(LocalDate period, Frequency frequency) {
        return frequency == Frequency.WEEKLY ? "week of " + period : YearMonth.from(period).toString();
    }
}
