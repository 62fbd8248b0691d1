package app.catchball.reminders.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.reminders.Reminder;
import app.catchball.reminders.ReminderJob;
import app.catchball.reminders.ReminderService;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RemindersViewTest extends KaribuTest {

    @Autowired
    private ReminderJob job;

    @Autowired
    private ReminderService reminders;

    @Autowired
    private Clock clock;

    @BeforeEach
    void runTheJob() {
        job.remind(LocalDate.now(clock));
    }

    @Test
    void the_ward_manager_sees_a_count_on_home_and_their_reminders_in_the_list() {
        login("ward7.manager");
        int count = SystemUser.runAs("ward7.manager", () -> reminders.myReminderCount());
        assertThat(count).isGreaterThanOrEqualTo(3);

        RouterLink onHome = _get(RouterLink.class, spec -> spec.withClasses("reminder-count"));
        assertThat(onHome.getText()).isEqualTo("Reminders: " + count + " things are waiting on you");
        assertThat(onHome.getHref()).isEqualTo("reminders");

        UI.getCurrent().navigate(RemindersView.class);
        @SuppressWarnings("unchecked")
        Grid<Reminder> grid = _get(Grid.class);
        List<Reminder> rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
        assertThat(rows).hasSize(count);
        assertThat(rows).extracting(Reminder::text)
                .contains("Countermeasure overdue: Cohort high-risk patients in the bay by the station (M2 Falls with harm, "
                        + "Ward 7 — Respiratory)")
                .anyMatch(t -> t.startsWith("Catchball: \u201cFalls sensor mats in side rooms\u201d has waited on Ward 7 — Respiratory since"))
                .anyMatch(t -> t.startsWith("Enter ") && t.contains("Discharges before noon (Ward 7 — Respiratory)"));
        assertThat(rows).filteredOn(r -> r.kind().equals("COUNTERMEASURE")).allMatch(Reminder::overdue);
        assertThat(rows).extracting(Reminder::dueDate).isSorted();
    }

    @Test
    void someone_with_nothing_due_is_told_so() {
        login("viewer");

        assertThat(_get(RouterLink.class, spec -> spec.withClasses("reminder-count")).getText())
                .isEqualTo("Reminders: nothing is waiting on you");
        UI.getCurrent().navigate(RemindersView.class);
        _get(Paragraph.class, spec -> spec.withText("Nothing is waiting on you."));
    }
}
