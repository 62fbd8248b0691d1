package app.catchball.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.security.AccessService;
import app.catchball.security.SystemUser;
import app.catchball.security.UserSummary;
import app.catchball.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersViewTest extends KaribuTest {

    @Autowired
    AccessService access;

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
    }

    @Test
    void deactivating_a_user_keeps_them_listed_and_stops_their_sign_in() {
        UserSummary user = SystemUser.runAs("admin", () -> access.createUser("leaver.one", "Lee Leaver", null, "a fine long passphrase", false));
        assertThat(user.active()).isTrue();

        SystemUser.runAs("admin", () -> access.deactivate(user.id()));

        assertThat(SystemUser.runAs("admin", () -> access.users())).filteredOn(u -> u.username().equals("leaver.one"))
                .singleElement().satisfies(u -> assertThat(u.active()).isFalse());
    }
}
