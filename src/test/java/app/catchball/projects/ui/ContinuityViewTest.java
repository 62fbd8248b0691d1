package app.catchball.projects.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.projects.ContinuityBoard;
import app.catchball.projects.ProjectDraft;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectSummary;
import app.catchball.projects.Responsibility;
import app.catchball.security.SystemUser;
import app.catchball.security.UserSummary;
import app.catchball.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.github.mvysny.kaributesting.v10.GridKt;
import java.util.stream.IntStream;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

// Each test runs in a transaction that is rolled back: it changes demo units that other classes read.
@Transactional
class ContinuityViewTest extends KaribuTest {

    @Autowired
    ProjectService projects;

    @Autowired
    PlanFixture fixture;

    @Test
    void the_coach_sees_orphaned_work_everywhere_and_hands_a_project_over() {
        ProjectSummary orphan = SystemUser.runAs("acute.lead", () -> projects.create(fixture.unit("AMU"),
                ProjectDraft.titled("Overnight bed meeting")));
        login("coach");
        UI.getCurrent().navigate(ContinuityView.class);

        assertThat(ProjectsViewTest.<ContinuityBoard.OrphanedProject>rows("needs-new-lead"))
                .extracting(o -> o.project().title())
                .contains("Overnight bed meeting", "Bay nursing for high-risk patients", "Endoscopy booking before discharge");
        assertThat(ProjectsViewTest.<Responsibility>rows("responsibilities")).extracting(Responsibility::title)
                .contains("Enhanced observation for high-risk patients");
        assertThat(ProjectsViewTest.<ProjectSummary>rows("slipping")).extracting(ProjectSummary::title)
                .contains("Falls safety huddle");

        @SuppressWarnings("unchecked")
        Grid<ContinuityBoard.OrphanedProject> needs = _get(Grid.class, spec -> spec.withClasses("needs-new-lead"));
        int row = IntStream.range(0, GridKt._size(needs)).filter(i -> GridKt._get(needs, i).project().id() == orphan.id())
                .findFirst().orElseThrow();
        Button handover = (Button) GridKt._getCellComponent(needs, row, "handover");
        assertThat(handover.getId()).hasValue("handover-" + orphan.id());
        _click(handover);
        @SuppressWarnings("unchecked")
        ComboBox<UserSummary> lead = _get(ComboBox.class, spec -> spec.withLabel("New lead"));
        assertThat(lead.getListDataView().getItems().map(UserSummary::displayName))
                .as("only people who may lead at the Acute Medical Unit: a role there or above, or Admin")
                .contains("Maya Shah", "Priya Nair", "Administrator").doesNotContain("Ruth Osei");
        assertThat(lead.getHelperText()).isEqualTo("Only people with a role on Acute Medical Unit or a unit above it can "
                + "lead its projects. Not listed? An Admin grants them a role under Organisation.");
        setValue(lead, lead.getListDataView().getItems().filter(u -> u.displayName().equals("Maya Shah")).findFirst().orElseThrow());
        setValue(_get(TextArea.class, spec -> spec.withLabel("Handover note")), "Meets at 20:00 in the site office.");
        _click(_get(Button.class, spec -> spec.withText("Hand over")));

        expectNotifications("Overnight bed meeting is now led by Maya Shah.");
        assertThat(ProjectsViewTest.<ContinuityBoard.OrphanedProject>rows("needs-new-lead"))
                .noneMatch(o -> o.project().id() == orphan.id());
    }

    @Test
    void a_ward_lead_sees_the_wards_board_and_a_viewer_cannot_hand_over() {
        login("viewer");
        UI.getCurrent().navigate(ContinuityView.class, QueryParameters.simple(Map.of("unit", "W7")));

        assertThat(ProjectsViewTest.<ContinuityBoard.OrphanedProject>rows("needs-new-lead"))
                .extracting(o -> o.project().unitName()).containsOnly("Ward 7 — Respiratory");
        @SuppressWarnings("unchecked")
        Grid<ContinuityBoard.OrphanedProject> needs = _get(Grid.class, spec -> spec.withClasses("needs-new-lead"));
        assertThat(GridKt._size(needs)).isPositive();
        assertThat(GridKt._getCellComponent(needs, 0, "handover").isVisible()).isFalse();
        assertThat(needs.getColumnByKey("handover").isVisible()).as("no empty Action column").isFalse();
    }
}
