package app.catchball.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.A3Service;
import app.catchball.planning.A3Status;
import app.catchball.planning.A3VersionView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PriorityStatus;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class A3ViewTest extends KaribuTest {

    @Autowired
    A3Service a3s;

    @Autowired
    PlanFixture fixture;

    private PriorityStatus wardPriority(int index) {
        return SystemUser.runAs("viewer", () -> a3s.statuses(fixture.unit("W7"), fixture.cycle())).get(index);
    }

    @Test
    void a_ward_lead_writes_the_a3_of_a_priority_and_it_is_versioned() {
        PriorityStatus p3 = wardPriority(2);
        login("ward7.manager");
        UI.getCurrent().navigate(A3View.class, p3.priorityId());

        setValue(_get(TextArea.class, s -> s.withLabel("Background")), "Patients wait for transport.");
        setValue(_get(TextArea.class, s -> s.withLabel("Root cause")), "Transport booked late.");
        @SuppressWarnings("unchecked")
        Select<A3Status> status = _get(Select.class, s -> s.withLabel("Status"));
        setValue(status, A3Status.AT_RISK);
        setValue(_get(IntegerField.class, s -> s.withLabel("% complete")), 101);
        _click(_get(Button.class, s -> s.withText("Save A3")));
        expectNotifications("% complete is a whole number from 0 to 100.");

        setValue(_get(IntegerField.class, s -> s.withLabel("% complete")), 25);
        _click(_get(Button.class, s -> s.withText("+ Add action")));
        setValue(_get(TextField.class, s -> s.withLabel("Action")), "Book transport the day before");
        _click(_get(Button.class, s -> s.withText("Save A3")));
        expectNotifications("A3 saved.");

        @SuppressWarnings("unchecked")
        Grid<A3VersionView> history = _get(Grid.class, s -> s.withClasses("a3-history"));
        assertThat(GridKt._size(history)).isEqualTo(1);
        assertThat(GridKt._get(history, 0).status()).isEqualTo(A3Status.AT_RISK);
        assertThat(_get(TextField.class, s -> s.withLabel("Action")).getValue()).isEqualTo("Book transport the day before");
    }

    @Test
    void a_viewer_reads_an_a3_but_cannot_change_it() {
        PriorityStatus p1 = wardPriority(0);
        login("viewer");
        UI.getCurrent().navigate(A3View.class, p1.priorityId());

        assertThat(_get(TextArea.class, s -> s.withLabel("Background")).isReadOnly()).isTrue();
        assertThat(_get(TextArea.class, s -> s.withLabel("Background")).getValue()).isNotEmpty();
        assertThat(_find(Button.class, s -> s.withText("Save A3"))).isEmpty();
    }
}
