package app.catchball.projects;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SpringTest
class AlignmentServiceTest {

    @Autowired
    AlignmentService alignment;

    @Autowired
    ProjectService projects;

    @Autowired
    PlanFixture fixture;

    static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
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
}
