package app.catchball.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.metrics.MetricInfo;
import app.catchball.planning.PlanFixture;
import app.catchball.security.AccessService;
import app.catchball.security.Grant;
import app.catchball.security.Role;
import app.catchball.security.SystemUser;
import app.catchball.security.UserSummary;
import app.catchball.support.SpringTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    AlignmentService alignment;

    @Autowired
    ContinuityService continuity;

    @Autowired
    AccessService access;

    @Autowired
    PlanFixture fixture;

    static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }

    /** A new user with a role on a unit, made by the Admin, for tests that make people leave. */
    UserSummary person(String name, String unitCode, Role role) {
        String username = "t." + UUID.randomUUID().toString().substring(0, 8);
        return as("admin", () -> {
            UserSummary user = access.createUser(username, name, null, "Str0ng-" + UUID.randomUUID(), false);
            access.grant(user.id(), fixture.unit(unitCode), role);
            return user;
        });
    }

    @Test
    void a_contributor_creates_and_updates_a_project_and_a_stale_edit_is_refused() {
        long w7 = fixture.unit("W7");
        ProjectSummary created = as("ward7.nurse", () -> projects.create(w7,
                ProjectDraft.titled("Call bells answered in a minute").withAim("90 % within 60 s by June 2027")
                        .withTeam("Night team")));
        assertThat(created.stage()).isEqualTo(ProjectStage.IDEA);
        assertThat(created.aligned()).isFalse();
        assertThat(created.needsNewLead()).isTrue();

        ProjectSummary updated = as("ward7.nurse", () -> projects.update(created.id(),
                created.toDraft().withStage(ProjectStage.SCOPING).withDates(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 6, 30)),
                created.version()));
        assertThat(updated.stage()).isEqualTo(ProjectStage.SCOPING);

        assertThatThrownBy(() -> as("ward7.manager", () -> projects.update(created.id(),
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
        long w7 = fixture.unit("W7");
        ProjectSummary created = as("ward7.nurse", () -> projects.create(w7, ProjectDraft.titled("Discharge checklist")));
        LinkedItem huddle = as("ward7.nurse", () -> projects.linkableItems(w7)).stream()
                .filter(i -> i.title().equals("Daily discharge huddle")).findFirst().orElseThrow();
        assertThat(huddle.aligned()).isTrue();
        assertThat(as("ward7.nurse", () -> projects.linkableItems(w7))).extracting(LinkedItem::unitName)
                .contains("Ward 7 — Respiratory", "Emergency & Acute Medicine", "Division of Medicine",
                        "Northshore Teaching Hospitals NHS Foundation Trust");

        assertThatThrownBy(() -> as("ward7.nurse", () -> projects.link(created.id(), huddle.itemId())))
                .isInstanceOf(AccessDeniedException.class);
        ProjectSummary linked = as("ward7.manager", () -> projects.link(created.id(), huddle.itemId()));
        assertThat(linked.aligned()).isTrue();
        assertThatThrownBy(() -> as("ward7.manager", () -> projects.link(created.id(), fixture.item("W7", "Falls with harm").id())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("improvement priority or an annual objective");

        ProjectSummary approved = as("ward7.manager", () -> projects.approve(created.id(), linked.version()));
        assertThat(approved.approved()).isTrue();
        assertThat(as("viewer", () -> projects.project(created.id())).approvedBy()).isEqualTo("Tom Ellis");
    }

    @Test
    void measures_and_the_pdsa_log_belong_to_the_project() {
        long w7 = fixture.unit("W7");
        ProjectSummary created = as("ward7.nurse", () -> projects.create(w7, ProjectDraft.titled("Comfort rounds")));
        MetricInfo falls = as("ward7.nurse", () -> projects.measurableMetrics(w7)).stream()
                .filter(m -> m.title().equals("Falls with harm") && m.unitId() == w7).findFirst().orElseThrow();
        as("ward7.nurse", () -> projects.addMeasure(created.id(), falls.id()));
        as("ward7.nurse", () -> projects.addPdsa(created.id(), new PdsaDraft(LocalDate.of(2026, 11, 2),
                "Hourly rounds on bay 2", "Five days", "Fewer call bells", "Adapt for nights")));
        assertThatThrownBy(() -> as("ward7.nurse", () -> projects.addPdsa(created.id(),
                new PdsaDraft(LocalDate.of(2026, 11, 9), " ", null, null, null))))
                .hasMessage("Please write what the cycle planned to test.");

        ProjectDetail detail = as("viewer", () -> projects.project(created.id()));
        assertThat(detail.measures()).extracting(Measure::label).containsExactly("M2 Falls with harm");
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
    void when_a_lead_is_deactivated_the_project_needs_a_new_lead_until_it_is_handed_over_with_its_history() {
        long w8 = fixture.unit("W8");
        UserSummary leaver = person("Lee Ving", "W8", Role.CONTRIBUTOR);
        UserSummary stayer = person("Stay Ing", "W8", Role.CONTRIBUTOR);
        ProjectSummary created = as("acute.lead", () -> projects.create(w8,
                ProjectDraft.titled("Heart failure nurse review").withLead(leaver.id()).withStage(ProjectStage.TESTING)));
        as("acute.lead", () -> projects.addPdsa(created.id(), new PdsaDraft(LocalDate.of(2026, 10, 1), "Review on day 1",
                null, null, null)));
        assertThat(as("viewer", () -> projects.summary(created.id())).needsNewLead()).isFalse();

        as("admin", () -> access.deactivate(leaver.id()));

        ContinuityBoard board = as("coach", () -> continuity.continuity(fixture.unit("NTH")));
        assertThat(board.needsNewLead()).filteredOn(o -> o.project().id() == created.id()).singleElement()
                .satisfies(o -> assertThat(o.reason()).startsWith("Lee Ving was deactivated on "));
        ProjectSummary orphaned = as("viewer", () -> projects.summary(created.id()));
        assertThat(orphaned.leadName()).as("nothing is reassigned silently").isEqualTo("Lee Ving");

        assertThatThrownBy(() -> as("acute.lead", () -> continuity.handOver(created.id(), stayer.id(), " ", orphaned.version())))
                .hasMessageContaining("Please write a handover note");
        assertThatThrownBy(() -> as("acute.lead", () -> continuity.handOver(created.id(), leaver.id(), "Back?", orphaned.version())))
                .hasMessage("Lee Ving is deactivated and cannot lead a project.");
        assertThatThrownBy(() -> as("viewer", () -> continuity.handOver(created.id(), stayer.id(), "Note", orphaned.version())))
                .isInstanceOf(AccessDeniedException.class);

        ProjectSummary handed = as("coach", () -> continuity.handOver(created.id(), stayer.id(),
                "Day-1 review works; next test weekends.", orphaned.version()));

        assertThat(handed.needsNewLead()).isFalse();
        assertThat(handed.leadName()).isEqualTo("Stay Ing");
        ProjectDetail detail = as("viewer", () -> projects.project(created.id()));
        assertThat(detail.pdsa()).hasSize(1);
        assertThat(detail.handovers()).singleElement().satisfies(h -> {
            assertThat(h.fromName()).isEqualTo("Lee Ving");
            assertThat(h.toName()).isEqualTo("Stay Ing");
            assertThat(h.note()).isEqualTo("Day-1 review works; next test weekends.");
        });
        assertThat(as("coach", () -> continuity.continuity(fixture.unit("NTH"))).needsNewLead())
                .noneMatch(o -> o.project().id() == created.id());
        assertThatThrownBy(() -> as("coach", () -> continuity.handOver(created.id(), stayer.id(), "Again", orphaned.version())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_lead_who_leaves_the_unit_leaves_a_project_that_needs_a_new_lead_and_the_new_lead_must_hold_a_role_there() {
        long w8 = fixture.unit("W8");
        UserSummary mover = person("Moe Ver", "W8", Role.CONTRIBUTOR);
        ProjectSummary created = as("acute.lead", () -> projects.create(w8,
                ProjectDraft.titled("Telemetry alarms").withLead(mover.id())));
        Grant grant = as("admin", () -> access.grantsOn(w8)).stream().filter(g -> g.userId() == mover.id()).findFirst().orElseThrow();

        as("admin", () -> {
            access.grant(mover.id(), fixture.unit("W20"), Role.CONTRIBUTOR);
            access.revoke(grant.id());
            return null;
        });

        assertThat(as("acute.lead", () -> continuity.continuity(fixture.unit("EAM"))).needsNewLead())
                .filteredOn(o -> o.project().id() == created.id()).singleElement()
                .satisfies(o -> assertThat(o.reason()).startsWith("Moe Ver no longer holds a role on"));
        UserSummary elsewhere = person("Else Where", "W20", Role.CONTRIBUTOR);
        assertThatThrownBy(() -> as("acute.lead", () -> continuity.handOver(created.id(), elsewhere.id(), "Over to you",
                created.version())))
                .hasMessageContaining("holds no role on Ward 8 — Cardiology or a unit above it");
    }

    @Test
    void the_continuity_board_shows_demo_projects_and_x_matrix_items_whose_people_left() {
        ContinuityBoard board = as("coach", () -> continuity.continuity(fixture.unit("NTH")));
        assertThat(board.needsNewLead()).extracting(o -> o.project().title())
                .contains("Bay nursing for high-risk patients", "Endoscopy booking before discharge", "Quiet protected mealtimes");
        assertThat(board.responsibilities()).anySatisfy(r -> {
            assertThat(r.title()).isEqualTo("Enhanced observation for high-risk patients");
            assertThat(r.reason()).startsWith("Kate Hughes was deactivated");
        });
        assertThat(as("ward7.manager", () -> continuity.continuity(fixture.unit("W7"))).needsNewLead())
                .extracting(o -> o.project().unitName()).containsOnly("Ward 7 — Respiratory");
    }

    @Test
    void alignment_counts_projects_per_unit_and_priority_and_lists_the_unaligned() {
        AlignmentReport trust = as("viewer", () -> alignment.alignment(fixture.unit("NTH")));
        assertThat(trust.totalProjects()).isGreaterThanOrEqualTo(60);
        assertThat(trust.totalAligned()).isBetween(1, trust.totalProjects() - 1);
        long nth = fixture.unit("NTH");
        List<ProjectSummary> unaligned = as("viewer", () -> projects.projectsOf(nth, true, true, 0, 500));
        assertThat(unaligned).extracting(ProjectSummary::title).contains("Oxygen prescribing audit");
        assertThat(unaligned).hasSize(trust.totalProjects() - trust.totalAligned()).noneMatch(ProjectSummary::aligned);
        assertThat(as("viewer", () -> projects.countProjects(nth, true, true))).isEqualTo(unaligned.size());
        assertThat(trust.priorities()).anySatisfy(p -> {
            assertThat(p.title()).isEqualTo("Safer patient flow");
            assertThat(p.projects()).isGreaterThan(3);
        });
        assertThat(trust.units()).extracting(AlignmentReport.UnitRow::unitName).contains("Division of Medicine", "Ward 7 — Respiratory");

        AlignmentReport ward = as("viewer", () -> alignment.alignment(fixture.unit("W7")));
        assertThat(ward.priorities()).extracting(AlignmentReport.PriorityRow::title)
                .contains("Daily discharge huddle", "Discharge lounge pilot");
        assertThat(ward.prioritiesWithoutProject()).extracting(AlignmentReport.PriorityRow::title).contains("Discharge lounge pilot");
        AlignmentReport ed = as("viewer", () -> alignment.alignment(fixture.unit("ED")));
        assertThat(ed.priorities()).as("a ward without its own X-matrix sees the nearest unit's priorities")
                .extracting(AlignmentReport.PriorityRow::unitName).containsOnly("Emergency & Acute Medicine");
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
        long w7 = fixture.unit("W7");
        ProjectSummary created = as("ward7.nurse", () -> projects.create(w7,
                ProjectDraft.titled("Virtual ward for COPD").withAim("10 patients a month home early by March 2027")));
        assertThatThrownBy(() -> as("ward7.nurse", () -> projects.proposeUp(created.id(), null)))
                .isInstanceOf(AccessDeniedException.class);

        as("ward7.manager", () -> projects.proposeUp(created.id(), "Could this serve the directorate's flow work?"));

        assertThat(as("viewer", () -> projects.project(created.id())).proposedLinkId()).isNotNull();
        assertThatThrownBy(() -> as("ward7.manager", () -> projects.proposeUp(created.id(), null)))
                .hasMessageContaining("has already been proposed upwards");
    }
}
