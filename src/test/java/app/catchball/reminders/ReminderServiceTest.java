package app.catchball.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.CountermeasureService;
import app.catchball.metrics.CountermeasureStatus;
import app.catchball.metrics.CountermeasureView;
import app.catchball.planning.ItemView;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringTest
class ReminderServiceTest {

    @Autowired
    ReminderJob job;
    @Autowired
    ReminderService reminders;
    @Autowired
    CountermeasureService countermeasures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Fixtures fixtures;

    @Test
    void an_overdue_countermeasure_is_reminded_once_and_leaves_the_list_when_done() {
        LocalDate today = LocalDate.now(clock);
        job.remind(today);
        Fixtures.Ward ward = fixtures.ward("Reminded ward");
        String contributor = ward.contributor();
        ItemView falls = fixtures.metric(ward, "Falls with harm");
        int before = SystemUser.runAs(contributor, () -> reminders.myReminderCount());
        long nurse = jdbc.sql("select id from app_user where username = :u").param("u", contributor).query(Long.class).single();
        CountermeasureView late = SystemUser.runAs(contributor, () -> countermeasures.saveCountermeasure(null, falls.id(),
                "By hand", null, null, "Falls huddle at every handover", nurse, today.minusDays(2), CountermeasureStatus.OPEN, 0));

        assertThat(job.remind(today).recorded()).isEqualTo(1);
        assertThat(job.remind(today).recorded()).as("a second run records nothing new").isZero();
        assertThat(SystemUser.runAs(contributor, () -> reminders.myReminders(0, 50)))
                .filteredOn(r -> r.text().startsWith("Countermeasure overdue: Falls huddle at every handover"))
                .singleElement().satisfies(r -> {
                    assertThat(r.overdue()).isTrue();
                    assertThat(r.dueDate()).isEqualTo(today.minusDays(2));
                    assertThat(r.link()).isEqualTo("metrics/metric/" + falls.id());
                });
        assertThat(SystemUser.runAs(contributor, () -> reminders.myReminderCount())).isEqualTo(before + 1);

        SystemUser.runAs(contributor, () -> countermeasures.saveCountermeasure(late.id(), falls.id(), null, null, null,
                "Falls huddle at every handover", nurse, late.dueDate(), CountermeasureStatus.DONE, late.version()));
        assertThat(job.remind(today).resolved()).isGreaterThanOrEqualTo(1);
        assertThat(SystemUser.runAs(contributor, () -> reminders.myReminderCount())).isEqualTo(before);
        assertThat(jdbc.sql("select done_at is not null from countermeasure where id = :id").param("id", late.id())
                .query(Boolean.class).single()).as("done_at set by the database").isTrue();
    }
}
