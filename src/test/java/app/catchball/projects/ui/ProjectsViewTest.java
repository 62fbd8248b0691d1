package app.catchball.projects.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.PlanFixture;
import app.catchball.projects.AlignmentReport;
import app.catchball.projects.LinkedItem;
import app.catchball.projects.PdsaCycle;
import app.catchball.projects.ProjectDraft;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectSummary;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import app.catchball.support.StatementCounter;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProjectsViewTest extends KaribuTest {

    @Autowired
    ProjectService projects;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisation;

    @SuppressWarnings("unchecked")
    static <T> List<T> rows(String className) {
        Grid<T> grid = _get(Grid.class, spec -> spec.withClasses(className));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    /** What the browser asks for first: one page of 50 rows. */
    @SuppressWarnings("unchecked")
    static <T> List<T> firstPage(String className) {
        Grid<T> grid = _get(Grid.class, spec -> spec.withClasses(className));
        return GridKt._fetch(grid, 0, 50);
    }

    @Test
    void the_trust_and_below_costs_a_bounded_number_of_statements_whatever_the_rows() {
        login("viewer");
        int statements = StatementCounter.count(() -> {
            UI.getCurrent().navigate(ProjectsView.class, QueryParameters.simple(Map.of("unit", "NTH", "below", "true")));
            assertThat(firstPage("project-list")).hasSize(50);
            assertThat(firstPage("unaligned-projects")).isNotEmpty();
        });

        int continuity = StatementCounter.count(() -> {
            UI.getCurrent().navigate(ContinuityView.class, QueryParameters.simple(Map.of("unit", "NTH")));
            firstPage("needs-new-lead");
        });
        // A guard against regressions, measured at 100 and 48 (from 116 and 75). Most of what is left is the
        // sustain check, one SPC per measure of a finished project; issue 15 wants 12 once SPC is batched.
        assertThat(statements).isLessThanOrEqualTo(105);
        assertThat(continuity).isLessThanOrEqualTo(52);
    }

    @Test
    void a_unit_without_projects_of_its_own_says_where_they_are_and_shows_them() {
        String code = "EMP" + System.nanoTime() % 100_000;
        SystemUser.runAs("admin", () -> {
            UnitNode directorate = organisation.create("Empty-handed Directorate " + code, code, "DIRECTORATE", fixture.unit("MED"));
            UnitNode ward = organisation.create("Busy Ward " + code, code + "W", "WARD", directorate.id());
            projects.create(ward.id(), ProjectDraft.titled("Busy ward's first project"));
            projects.create(ward.id(), ProjectDraft.titled("Busy ward's second project"));
            return ward;
        });
        login("viewer");
        UI.getCurrent().navigate(ProjectsView.class, QueryParameters.simple(Map.of("unit", code)));

        Paragraph empty = _get(Paragraph.class, spec -> spec.withClasses("empty-state"));
        assertThat(empty.getElement().getTextRecursively()).isEqualTo("No projects at Empty-handed Directorate " + code
                + " itself. 2 projects in the units below: show them");
        _click(_get(empty, Button.class, spec -> spec.withText("show them")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getSingleParameter("below"))
                .contains("true");
        assertThat(ProjectsViewTest.<ProjectSummary>rows("project-list")).extracting(ProjectSummary::title)
                .containsExactly("Busy ward's first project", "Busy ward's second project");
    }

    @Test
    void a_contributor_sees_the_wards_projects_and_alignment_and_creates_a_project() {
        login("ward7.nurse");
        UI.getCurrent().navigate(ProjectsView.class, QueryParameters.simple(Map.of("unit", "W7")));

        assertThat(ProjectsViewTest.<ProjectSummary>rows("project-list")).extracting(ProjectSummary::title)
                .contains("Falls safety huddle", "Quiet protected mealtimes");
        assertThat(ProjectsViewTest.<AlignmentReport.UnitRow>rows("alignment-units").getFirst().unitName())
                .isEqualTo("Ward 7 — Respiratory");
        assertThat(ProjectsViewTest.<ProjectSummary>rows("unaligned-projects")).extracting(ProjectSummary::title)
                .contains("Oxygen prescribing audit");
        assertThat(_find(Button.class, spec -> spec.withText("Link…"))).as("only Leads link").isEmpty();

        // The new project goes on a ward of the test's own, so that Ward 7's projects stay as the demo made them.
        Fixtures.Ward ward = fixtures.ward("Sleep ward");
        login(ward.contributor());
        UI.getCurrent().navigate(ProjectsView.class, QueryParameters.simple(Map.of("unit", ward.code())));
        _click(_get(Button.class, spec -> spec.withText("New project…")));
        setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Sleep well on Ward 7");
        setValue(_get(TextArea.class, spec -> spec.withLabel("Aim (what, by how much, by when)")),
                "Patients sleep 6 hours by May 2027");
        _click(_get(Button.class, spec -> spec.withText("Create project")));

        expectNotifications("Sleep well on Ward 7 was created.");
        assertThat(_get(H2.class, spec -> spec.withText("Sleep well on Ward 7"))).isNotNull();
    }

    @Test
    void a_lead_links_an_unaligned_project_from_the_thousand_flowers() {
        Fixtures.Ward ward = fixtures.ward("Garden ward");
        ProjectSummary flower = SystemUser.runAs(ward.contributor(), () -> projects.create(ward.id(), ProjectDraft.titled("Ward garden")));
        login(ward.lead());
        UI.getCurrent().navigate(ProjectsView.class, QueryParameters.simple(Map.of("unit", ward.code())));
        @SuppressWarnings("unchecked")
        Grid<ProjectSummary> unaligned = _get(Grid.class, spec -> spec.withClasses("unaligned-projects"));
        int row = IntStream.range(0, GridKt._size(unaligned))
                .filter(i -> GridKt._get(unaligned, i).id() == flower.id()).findFirst().orElseThrow();

        _click(_get(GridKt._getCellComponent(unaligned, row, "actions"), Button.class, spec -> spec.withText("Link…")));
        @SuppressWarnings("unchecked")
        ComboBox<LinkedItem> item = _get(ComboBox.class, spec -> spec.withLabel("Priority or annual objective"));
        setValue(item, item.getListDataView().getItems().filter(i -> i.title().equals("Criteria-led discharge")).findFirst()
                .orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Link")));

        expectNotifications("Ward garden is linked to P1 Criteria-led discharge.");
        assertThat(SystemUser.runAs("viewer", () -> projects.summary(flower.id())).aligned()).isTrue();
        assertThat(ProjectsViewTest.<ProjectSummary>rows("unaligned-projects")).noneMatch(p -> p.id() == flower.id());
    }

    @Test
    void the_project_page_shows_the_pdsa_log_and_a_contributor_adds_a_cycle() {
        Fixtures.Ward ward = fixtures.ward("Red trays ward");
        ProjectSummary project = SystemUser.runAs(ward.contributor(), () -> projects.create(ward.id(), ProjectDraft.titled("Red trays")));
        login(ward.contributor());
        UI.getCurrent().navigate(ProjectView.class, project.id());

        setValue(_get(DatePicker.class, spec -> spec.withLabel("Date")), LocalDate.of(2026, 11, 20));
        setValue(_get(TextArea.class, spec -> spec.withLabel("Plan")), "Red trays for patients who need help to eat");
        setValue(_get(TextArea.class, spec -> spec.withLabel("Study")), "Everyone on a red tray was helped");
        _click(_get(Button.class, spec -> spec.withText("Add to the log")));

        expectNotifications("PDSA cycle added to the log.");
        assertThat(ProjectsViewTest.<PdsaCycle>rows("pdsa-log")).extracting(PdsaCycle::plan)
                .containsExactly("Red trays for patients who need help to eat");
    }

    @Test
    void a_viewer_sees_a_slipping_project_without_the_forms() {
        ProjectSummary falls = SystemUser.runAs("viewer", () -> projects.projectsOf(fixture.unit("W7"), false)).stream()
                .filter(p -> p.title().equals("Falls safety huddle")).findFirst().orElseThrow();
        login("viewer");
        UI.getCurrent().navigate(ProjectView.class, falls.id());

        assertThat(_find(Span.class)).extracting(s -> s.getText()).contains("Slipping", "Sustaining");
        assertThat(_find(Button.class, spec -> spec.withText("Add to the log"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Save changes"))).isEmpty();
        assertThat(ProjectsViewTest.<PdsaCycle>rows("pdsa-log")).isNotEmpty();
    }
}
