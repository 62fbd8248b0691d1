package app.catchball.base;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days in England: Monday to Friday except the English bank holidays (New Year's Day, Good
 * Friday, Easter Monday, the early May, spring and summer bank holidays, Christmas Day and Boxing
 * Day, each moved to the next free weekday when it falls on a weekend). One-off holidays (a
 * coronation, a jubilee) are not known.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The n-th working day (from 1) of a month. */
    public static LocalDate nth(YearMonth month, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Working days are counted from 1.");
        }
        Set<LocalDate> holidays = bankHolidays(month.getYear());
        LocalDate day = month.atDay(1);
        int counted = 0;
        while (true) {
            if (isWorkingDay(day, holidays) && ++counted == n) {
                return day;
            }
            day = day.plusDays(1);
        }
    }

    public static boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, bankHolidays(day.getYear()));
    }

    private static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The bank holidays of England and Wales in a year. */
    public static Set<LocalDate> bankHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        days.add(substitute(LocalDate.of(year, 1, 1), days));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        // Boxing Day first: when Christmas falls on a Sunday, Boxing Day keeps its Monday.
        days.add(substitute(MonthDay.of(12, 26).atYear(year), days));
        days.add(substitute(MonthDay.of(12, 25).atYear(year), days));
        return days;
    }

    /** The day itself, or the next weekday that is not already a holiday when it falls on a weekend. */
    private static LocalDate substitute(LocalDate day, Set<LocalDate> taken) {
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            return day;
        }
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY || taken.contains(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
