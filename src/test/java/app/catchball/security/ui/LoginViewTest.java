package app.catchball.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void a_failed_sign_in_and_an_attempt_refused_as_too_early_each_get_their_one_message() {
        UI.getCurrent().navigate("login", QueryParameters.fromString("error"));
        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(errorMessage()).contains(LoginView.FAILURE_MESSAGE);

        UI.getCurrent().navigate("login", QueryParameters.fromString("error&wait"));
        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(errorMessage()).contains(LoginView.WAIT_MESSAGE);
    }

    private static String errorMessage() {
        return String.valueOf(_get(LoginForm.class).getElement().getPropertyRaw("i18n"));
    }
}
