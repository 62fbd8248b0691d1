package app.catchball.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.metrics.MetricInfo;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@SpringTest
class ProjectServiceTest {

    @Autowired
    ProjectService projects;

    @Autowired
    ContinuityService continuity;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }

    @Test
    void a_contributor_creates_and_updates_a_project_and_a_stale_edit_is_refused() {
        Fixtures.Ward ward = fixtures.ward("Project ward");
        long w7 = ward.id();
        ProjectSummary created = as(ward.contributor(), () -> projects.create(w7,
                ProjectDraft.titled("Call bells answered in a minute").withAim("90 % within 60 s by June 2027")
                        .withTeam("Night team")));
        assertThat(created.stage()).isEqualTo(ProjectStage.IDEA);
        assertThat(created.aligned()).isFalse();
        assertThat(created.needsNewLead()).isTrue();

        ProjectSummary updated = as(ward.contributor(), () -> projects.update(created.id(),
                created.toDraft().withStage(ProjectStage.SCOPING).withDates(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 6, 30)),
                created.version()));
        assertThat(updated.stage()).isEqualTo(ProjectStage.SCOPING);

        assertThatThrownBy(() -> as(ward.lead(), () -> projects.update(created.id(),
                created.toDraft().withTitle("Someone else's title"), created.version())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("was changed by someone else in the meantime");
        assertThat(as("viewer", () -> projects.summary(created.id())).title()).isEqualTo("Call bells answered in a minute");
    }

    @Test
    void a_viewer_may_not_create_a_project_and_bad_input_changes_nothing() {
        long w7 = fixture.unit("W7");
        assertThatThrownBy(() -> as("viewer", () -> projects.create(w7, ProjectDraft.titled("Not mine"))))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("change the local projects of");
        assertThatThrownBy(() -> as("ward7.nurse", () -> projects.create(w7, ProjectDraft.titled(" "))))
                .isInstanceOf(RuleViolation.class).hasMessage("Please give the project a title.");
        assertThatThrownBy(() -> as("ward7.nurse", () -> projects.create(w7, ProjectDraft.titled("Backwards")
                .withDates(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1)))))
                .hasMessage("The end date is before the start date.");
        assertThatThrownBy(() -> as("ward7.nurse", () -> projects.create(fixture.unit("W8"), ProjectDraft.titled("Next door"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_lead_links_a_project_to_a_priority_that_traces_to_true_north_and_approves_it() {
        Fixtures.Ward ward = fixtures.ward("Checklist ward");
        long unit = ward.id();
        ItemView falls = fixtures.metric(ward, "Falls with harm");
        ProjectSummary created = as(ward.contributor(), () -> projects.create(unit, ProjectDraft.titled("Discharge checklist")));
        List<LinkedItem> linkable = as(ward.contributor(), () -> projects.linkableItems(unit));
        assertThat(linkable).extracting(LinkedItem::unitName)
                .contains("Emergency & Acute Medicine", "Division of Medicine", "Northshore Teaching Hospitals NHS Foundation Trust");
        LinkedItem priority = linkable.stream().filter(i -> i.aligned() && i.unitName().equals("Emergency & Acute Medicine"))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> as(ward.contributor(), () -> projects.link(created.id(), priority.itemId())))
                .isInstanceOf(AccessDeniedException.class);
        ProjectSummary linked = as(ward.lead(), () -> projects.link(created.id(), priority.itemId()));
        assertThat(linked.aligned()).isTrue();
        assertThatThrownBy(() -> as(ward.lead(), () -> projects.link(created.id(), falls.id())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("improvement priority or an annual objective");

        ProjectSummary approved = as(ward.lead(), () -> projects.approve(created.id(), linked.version()));
        assertThat(approved.approved()).isTrue();
        assertThat(as("viewer", () -> projects.project(created.id())).approvedBy()).isEqualTo("Lead of " + ward.name());
    }

    @Test
    void measures_and_the_pdsa_log_belong_to_the_project() {
        Fixtures.Ward ward = fixtures.ward("Measures ward");
        long w7 = ward.id();
        fixtures.metric(ward, "Falls with harm");
        ProjectSummary created = as(ward.contributor(), () -> projects.create(w7, ProjectDraft.titled("Comfort rounds")));
        MetricInfo falls = as(ward.contributor(), () -> projects.measurableMetrics(w7)).stream()
                .filter(m -> m.title().equals("Falls with harm") && m.unitId() == w7).findFirst().orElseThrow();
        as(ward.contributor(), () -> projects.addMeasure(created.id(), falls.id()));
        as(ward.contributor(), () -> projects.addPdsa(created.id(), new PdsaDraft(LocalDate.of(2026, 11, 2),
                "Hourly rounds on bay 2", "Five days", "Fewer call bells", "Adapt for nights")));
        assertThatThrownBy(() -> as(ward.contributor(), () -> projects.addPdsa(created.id(),
                new PdsaDraft(LocalDate.of(2026, 11, 9), " ", null, null, null))))
                .hasMessage("Please write what the cycle planned to test.");

        ProjectDetail detail = as("viewer", () -> projects.project(created.id()));
        assertThat(detail.measures()).extracting(Measure::label).containsExactly("M1 Falls with harm");
        assertThat(detail.pdsa()).extracting(PdsaCycle::plan).containsExactly("Hourly rounds on bay 2");
        assertThat(detail.mayEdit()).isFalse();
    }

    @Test
    void a_sustaining_project_whose_measure_shows_concern_after_its_end_is_slipping() {
        long w7 = fixture.unit("W7");
        var list = as("viewer", () -> projects.projectsOf(w7, false));
        ProjectSummary falls = list.stream().filter(p -> p.title().equals("Falls safety huddle")).findFirst().orElseThrow();
        ProjectSummary huddle = list.stream().filter(p -> p.title().equals("Discharge huddle at 09:30")).findFirst().orElseThrow();
        assertThat(falls.slipping()).isTrue();
        assertThat(huddle.slipping()).isFalse();
        assertThat(as("viewer", () -> projects.project(falls.id())).measures())
                .singleElement().satisfies(m -> assertThat(m.concernAfterEnd()).isTrue());
        assertThat(as("viewer", () -> continuity.continuity(fixture.unit("NTH"))).slipping())
                .extracting(ProjectSummary::title).contains("Falls safety huddle");
    }

    @Test
    void pages_of_projects_agree_with_the_line_of_sight_walk_project_by_project() {
        long nth = fixture.unit("NTH");
        List<ProjectSummary> walked = as("viewer", () -> projects.projectsOf(nth, true));
        int total = as("viewer", () -> projects.countProjects(nth, true, false));
        List<ProjectSummary> paged = new ArrayList<>();
        for (int offset = 0; offset < total; offset += 7) {
            int from = offset;
            paged.addAll(as("viewer", () -> projects.projectsOf(nth, true, false, from, 7)));
        }

        assertThat(paged).hasSize(walked.size()).extracting(ProjectSummary::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(walked.stream().map(ProjectSummary::id).toList());
        Map<Long, Boolean> alignedByWalk = walked.stream()
                .collect(Collectors.toMap(ProjectSummary::id, ProjectSummary::aligned));
        assertThat(paged).allSatisfy(p -> assertThat(p.aligned()).as(p.title()).isEqualTo(alignedByWalk.get(p.id())));
        assertThat(paged.stream().filter(ProjectSummary::slipping).map(ProjectSummary::id).toList())
                .containsExactlyInAnyOrderElementsOf(walked.stream().filter(ProjectSummary::slipping).map(ProjectSummary::id).toList());
        assertThat(as("viewer", () -> projects.countProjects(fixture.unit("W7"), false, false)))
                .isEqualTo(as("viewer", () -> projects.projectsOf(fixture.unit("W7"), false)).size());
    }

    @Test
    void a_lead_proposes_an_unaligned_project_upwards_through_catchball() {
        Fixtures.Ward ward = fixtures.ward("Proposing projects ward");
        ProjectSummary created = as(ward.contributor(), () -> projects.create(ward.id(),
                ProjectDraft.titled("Virtual ward for COPD").withAim("10 patients a month home early by March 2027")));
        assertThatThrownBy(() -> as(ward.contributor(), () -> projects.proposeUp(created.id(), null)))
                .isInstanceOf(AccessDeniedException.class);

        as(ward.lead(), () -> projects.proposeUp(created.id(), "Could this serve the directorate's flow work?"));

        assertThat(as("viewer", () -> projects.project(created.id())).proposedLinkId()).isNotNull();
        assertThatThrownBy(() -> as(ward.lead(), () -> projects.proposeUp(created.id(), null)))
                .hasMessageContaining("has already been proposed upwards");
    }
}
