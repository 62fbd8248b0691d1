package app.catchball.security.ui;

import app.catchball.security.LoginHints;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** The sign-in page. In demo mode it lists the demo users. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Catchball")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** Shown for every failed sign-in, whatever the cause, so it never reveals whether an account exists. */
    public static final String FAILURE_MESSAGE = "Check your username and password. Each failed attempt makes the next"
            + " one wait longer; after 5, the account is locked for 15 minutes from where they were made.";

    /** Shown when a sign-in was refused before its password was checked, whoever the username names. */
    public static final String WAIT_MESSAGE = "Too many failed attempts: wait a little, then try again."
            + " After 5, the account is locked for 15 minutes from where they were made; an Admin can unlock it.";

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView(ObjectProvider<LoginHints> hints,
              ObjectProvider<ClientRegistrationRepository> sso) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle("Sign in to Catchball");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(FAILURE_MESSAGE);
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        H1 brand = new H1("Catchball");
        Paragraph strap = new Paragraph("Strategy deployment from board to ward.");
        add(brand, strap, login);
        if (sso.getIfAvailable() != null) {
            Anchor single = new Anchor(
                    "oauth2/authorization/sso", "Sign in with single sign-on");
            single.setRouterIgnore(true);
            single.addClassName("sso-link");
            add(single);
        }
        hints.ifAvailable(h -> add(hintBox(h)));
    }

    private static Div hintBox(LoginHints hints) {
        Div box = new Div();
        box.addClassName("login-hints");
        UnorderedList list = new UnorderedList();
        hints.lines().forEach(line -> list.add(new ListItem(line)));
        box.add(new H2(hints.title()), list);
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            i18n.getErrorMessage().setMessage(parameters.containsKey("wait") ? WAIT_MESSAGE : FAILURE_MESSAGE);
            login.setI18n(i18n);
            login.setError(true);
        }
    }
}
