package app.catchball.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void english_bank_holidays_with_their_substitute_days() {
        assertThat(WorkingDays.bankHolidays(2026)).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3),
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
        // Christmas on a Sunday: Boxing Day keeps its Monday, Christmas moves to the Tuesday.
        assertThat(WorkingDays.bankHolidays(2022)).contains(LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27));
        // New Year's Day on a Saturday: Monday 3 January.
        assertThat(WorkingDays.bankHolidays(2022)).contains(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 4, 15));
    }

    @Test
    void the_nth_working_day_skips_weekends_and_bank_holidays() {
        assertThat(WorkingDays.nth(YearMonth.of(2026, 12), 5)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(WorkingDays.nth(YearMonth.of(2027, 1), 1)).isEqualTo(LocalDate.of(2027, 1, 4));   // 1 Jan is a Friday holiday
        assertThat(WorkingDays.nth(YearMonth.of(2026, 4), 3)).isEqualTo(LocalDate.of(2026, 4, 7));   // Good Friday, Easter Monday
    }
}
