package app.catchball.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.planning.PlanFixture;
import app.catchball.projects.ProjectSummary;
import app.catchball.security.AccessService;
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
class CapabilityServiceTest {

    @Autowired
    CapabilityService capability;

    @Autowired
    SkillLevelService skillLevels;

    @Autowired
    AccessService access;

    @Autowired
    PlanFixture fixture;

    static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }

    UserSummary person(String name, String unitCode) {
        String username = "c." + UUID.randomUUID().toString().substring(0, 8);
        return as("admin", () -> {
            UserSummary user = access.createUser(username, name, null, "Str0ng-" + UUID.randomUUID(), false);
            access.grant(user.id(), fixture.unit(unitCode), Role.CONTRIBUTOR);
            return user;
        });
    }

    long level(String name) {
        return as("viewer", () -> skillLevels.levels()).stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void ward_7_shows_its_capability_mix_and_its_intermediate_improver() {
        CapabilityOverview w7 = as("viewer", () -> capability.overview(fixture.unit("W7")));

        assertThat(w7.people()).extracting(PersonCapability::displayName).contains("Tom Ellis", "Grace Mensah");
        assertThat(w7.mix()).extracting(CapabilityOverview.MixRow::level)
                .startsWith("Foundation", "Practitioner", "Advanced", "Expert").endsWith("Not recorded");
        assertThat(w7.mix()).filteredOn(m -> m.level().equals("Practitioner")).singleElement()
                .satisfies(m -> assertThat(m.people()).isGreaterThanOrEqualTo(2));
        assertThat(w7.intermediate()).extracting(PersonCapability::displayName).contains("Grace Mensah");
        assertThat(w7.coaching()).anySatisfy(c -> {
            assertThat(c.coachName()).isEqualTo("Alex Morgan");
            assertThat(c.coacheeName()).isEqualTo("Tom Ellis");
        });
        assertThat(CapabilityChart.svg(w7.mix(), "Mix", 560, 280)).startsWith("<svg").contains("Practitioner", "Expert");
    }

    @Test
    void people_without_a_coach_get_nearby_coaches_and_foundation_led_projects_without_a_coach_are_listed() {
        CapabilityOverview ed = as("viewer", () -> capability.overview(fixture.unit("ED")));

        assertThat(ed.suggestions()).anySatisfy(s -> {
            assertThat(s.coacheeName()).isEqualTo("Liam Brown");
            assertThat(s.candidates()).isNotEmpty().first().asString().startsWith("Priya Nair");
        });
        assertThat(ed.foundationLedWithoutCoach()).extracting(ProjectSummary::title).contains("Rapid assessment and triage");
    }

    @Test
    void a_coach_records_level_training_and_coaching_and_others_may_not() {
        UserSummary improver = person("Ira Prover", "W9");
        long practitioner = level("Practitioner");

        assertThatThrownBy(() -> as("ward7.manager", () -> {
            capability.setLevel(improver.id(), practitioner, null);
            return null;
        })).isInstanceOf(AccessDeniedException.class).hasMessageContaining("Only a Coach");
        assertThatThrownBy(() -> as("viewer", () -> capability.addTraining(improver.id(), "QSIR", LocalDate.of(2026, 1, 1))))
                .isInstanceOf(AccessDeniedException.class);

        as("coach", () -> {
            capability.setLevel(improver.id(), level("Foundation"), null);
            capability.addTraining(improver.id(), "QSIR Fundamentals", LocalDate.of(2026, 3, 1));
            return null;
        });
        assertThatThrownBy(() -> as("coach", () -> capability.addTraining(improver.id(), "Future", LocalDate.of(2099, 1, 1))))
                .hasMessageContaining("in the future");
        assertThatThrownBy(() -> as("coach", () -> {
            capability.setLevel(improver.id(), practitioner, null);
            return null;
        })).isInstanceOf(ConflictException.class);
        PersonCapability before = as("viewer", () -> capability.overview(fixture.unit("W9"))).people().stream()
                .filter(p -> p.userId() == improver.id()).findFirst().orElseThrow();
        as("coach", () -> {
            capability.setLevel(improver.id(), practitioner, before.skillVersion());
            return null;
        });
        long coachId = as("admin", () -> access.users()).stream().filter(u -> u.displayName().equals("Dr Imran Rahman"))
                .findFirst().orElseThrow().id();
        CoachingRelationship coaching = as("coach", () -> capability.startCoaching(coachId, improver.id(), LocalDate.of(2026, 11, 1)));
        assertThatThrownBy(() -> as("coach", () -> capability.startCoaching(coachId, improver.id(), LocalDate.of(2026, 11, 2))))
                .hasMessageContaining("already coached by Dr Imran Rahman");

        PersonCapability after = as("viewer", () -> capability.overview(fixture.unit("W9"))).people().stream()
                .filter(p -> p.userId() == improver.id()).findFirst().orElseThrow();
        assertThat(after.levelName()).isEqualTo("Practitioner");
        assertThat(after.trainingCount()).isEqualTo(1);
        assertThat(after.coachName()).isEqualTo("Dr Imran Rahman");
        assertThat(as("coach", () -> capability.endCoaching(coaching.id(), LocalDate.of(2026, 11, 20))).endedOn())
                .isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void an_admin_changes_the_list_of_levels() {
        assertThatThrownBy(() -> as("coach", () -> skillLevels.addLevel("Champion", false)))
                .isInstanceOf(AccessDeniedException.class);
        SkillLevelView added = as("admin", () -> skillLevels.addLevel("Champion", false));
        assertThat(as("viewer", () -> skillLevels.levels()).getLast().name()).isEqualTo("Champion");
        as("admin", () -> skillLevels.moveLevel(added.id(), -1));
        assertThat(as("viewer", () -> skillLevels.levels())).extracting(SkillLevelView::name)
                .containsSubsequence("Advanced", "Champion", "Expert");
        assertThatThrownBy(() -> as("admin", () -> skillLevels.addLevel("expert", true)))
                .isInstanceOf(RuleViolation.class).hasMessage("There is already a level called expert.");
        SkillLevelView foundation = as("viewer", () -> skillLevels.levels()).getFirst();
        assertThatThrownBy(() -> as("admin", () -> {
            skillLevels.removeLevel(foundation.id(), foundation.version());
            return null;
        })).hasMessageContaining("Foundation is the level of");
        SkillLevelView champion = as("viewer", () -> skillLevels.levels()).stream()
                .filter(l -> l.name().equals("Champion")).findFirst().orElseThrow();
        as("admin", () -> {
            skillLevels.removeLevel(champion.id(), champion.version());
            return null;
        });
        assertThat(as("viewer", () -> skillLevels.levels())).extracting(SkillLevelView::name)
                .containsExactly("Foundation", "Practitioner", "Advanced", "Expert");
    }
}
