package app.catchball.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.ConflictException;
import app.catchball.planning.PlanFixture;
import app.catchball.security.AccessService;
import app.catchball.security.Grant;
import app.catchball.security.Role;
import app.catchball.security.SystemUser;
import app.catchball.security.UserSummary;
import app.catchball.support.SpringTest;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

@SpringTest
// Each test runs in a transaction that is rolled back: it changes demo units that other classes read.
@Transactional
class ContinuityServiceTest {

    @Autowired
    ContinuityService continuity;

    @Autowired
    ProjectService projects;

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
}
