package app.catchball.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.catchball.security.AccessService;
import app.catchball.security.SystemUser;
import app.catchball.security.UserSummary;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class UsersViewTest extends KaribuTest {

    @Autowired
    AccessService access;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_creates_a_user_who_must_change_the_temporary_password_at_first_sign_in() {
        login("admin");
        UI.getCurrent().navigate(UsersView.class);

        setValue(_get(TextField.class, spec -> spec.withLabel("Username")), "new.starter");
        setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Nia Starter");
        setValue(_get(PasswordField.class, spec -> spec.withLabel("Temporary password")), "welcome to ward seven");
        _click(_get(Button.class, spec -> spec.withText("Create user")));
        expectNotifications("User new.starter created.");

        login("new.starter");
        UI.getCurrent().navigate("cascade");
        _get(H2.class, spec -> spec.withText("Change password"));

        setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), "welcome to ward seven");
        setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "a brand new passphrase");
        setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat new password")), "a brand new passphrase");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        expectNotifications("Password changed.");
        _get(H2.class, spec -> spec.withText("Welcome, Nia Starter"));
    }

    @Test
    void a_user_who_is_not_an_admin_is_refused_the_users_page() {
        login("coach");

        assertThrows(MockAccessDeniedException.class, () -> UI.getCurrent().navigate(UsersView.class));
    }

    @Test
    void deactivating_a_user_keeps_them_listed_and_stops_their_sign_in() {
        UserSummary user = SystemUser.runAs("admin", () -> access.createUser("leaver.one", "Lee Leaver", null, "a fine long passphrase", false));
        assertThat(user.active()).isTrue();

        SystemUser.runAs("admin", () -> access.deactivate(user.id()));

        assertThat(SystemUser.runAs("admin", () -> access.users())).filteredOn(u -> u.username().equals("leaver.one"))
                .singleElement().satisfies(u -> assertThat(u.active()).isFalse());
    }

    @Test
    void an_admin_sees_a_locked_user_and_unlocks_them() {
        UserSummary user = SystemUser.runAs("admin", () -> access.createUser("locked.out", "Lou Locked", null, "a fine long passphrase", false));
        jdbc.sql("""
                insert into sign_in_throttle (username, source, failures, last_failure_at, locked_until)
                values ('locked.out', '10.0.0.9', 0, now(), now() + interval '15 minutes')
                """).update();
        login("admin");
        UI.getCurrent().navigate(UsersView.class);

        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = _get(Grid.class);
        int row = rowOf(grid, "locked.out");
        assertThat(GridKt._getFormatted(grid, row, "status")).isEqualTo("Locked");
        _click(_get(GridKt._getCellComponent(grid, row, "actions"), Button.class, spec -> spec.withText("Unlock")));
        expectNotifications("Lou Locked can sign in again from everywhere.");

        row = rowOf(grid, "locked.out");
        assertThat(GridKt._getFormatted(grid, row, "status")).isEqualTo("Active");
        assertThat(_find(GridKt._getCellComponent(grid, row, "actions"), Button.class, spec -> spec.withText("Unlock"))).isEmpty();
        assertThat(SystemUser.runAs("admin", () -> access.lockedUserIds())).doesNotContain(user.id());
    }

    private static int rowOf(Grid<UserSummary> grid, String username) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " is not listed");
    }
}
