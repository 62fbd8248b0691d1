package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.support.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The permission rules of DESIGN.md on the demo trust: roles inherit downwards, never up or sideways. */
@SpringTest
class PermissionServiceTest {

    @Autowired
    PermissionService permissions;

    @Autowired
    JdbcClient jdbc;

    long unit(String code) {
        return jdbc.sql("select id from org_unit where short_code = :c").param("c", code).query(Long.class).single();
    }

    @Test
    void a_lead_may_change_the_plan_of_their_unit_and_below_but_not_above_or_beside() {
        assertThat(permissions.may("acute.lead", Action.EDIT_PLAN, unit("EAM"))).isTrue();
        assertThat(permissions.may("acute.lead", Action.EDIT_PLAN, unit("W7"))).isTrue();
        assertThat(permissions.may("acute.lead", Action.EDIT_PLAN, unit("MED"))).isFalse();
        assertThat(permissions.may("acute.lead", Action.EDIT_PLAN, unit("SPM"))).isFalse();
        assertThat(permissions.may("acute.lead", Action.CATCHBALL, unit("EAM"))).isTrue();
    }

    @Test
    void a_contributor_may_enter_values_and_projects_but_not_change_the_plan() {
        assertThat(permissions.may("ward7.nurse", Action.ENTER_METRIC_VALUES, unit("W7"))).isTrue();
        assertThat(permissions.may("ward7.nurse", Action.EDIT_PROJECTS, unit("W7"))).isTrue();
        assertThat(permissions.may("ward7.nurse", Action.EDIT_PLAN, unit("W7"))).isFalse();
        assertThat(permissions.may("ward7.nurse", Action.ENTER_METRIC_VALUES, unit("W8"))).isFalse();
    }

    @Test
    void everyone_may_read_everything_and_a_viewer_may_change_nothing() {
        for (Action action : Action.values()) {
            assertThat(permissions.may("viewer", action, unit("W7"))).as(action.name()).isEqualTo(action == Action.VIEW);
        }
        assertThat(permissions.may("ward7.nurse", Action.VIEW, unit("SUR"))).isTrue();
    }

    @Test
    void a_coach_coaches_everywhere_under_their_unit_but_does_not_change_plans() {
        assertThat(permissions.may("coach", Action.COACH, unit("W22"))).isTrue();
        assertThat(permissions.may("coach", Action.COMMENT, unit("W7"))).isTrue();
        assertThat(permissions.may("coach", Action.EDIT_PLAN, unit("W7"))).isFalse();
    }

    @Test
    void an_admin_may_do_everything_and_an_unknown_user_nothing() {
        for (Action action : Action.values()) {
            assertThat(permissions.may("admin", action, unit("W7"))).isTrue();
            assertThat(permissions.may("nobody.here", action, unit("W7"))).isFalse();
        }
    }

    @Test
    void a_refusal_says_which_role_is_needed_where() {
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> permissions.check(Action.EDIT_PLAN, unit("EAM"))))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("You may not change the X-matrix of Emergency & Acute Medicine: "
                        + "that needs the Lead role on it or on a unit above it.");
    }

    @Test
    void nobody_signed_in_is_refused() {
        assertThatThrownBy(() -> permissions.check(Action.VIEW, unit("W7")))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Please sign in first.");
    }
}
