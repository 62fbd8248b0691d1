package app.catchball.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.Duration;
import kotlin.jvm.functions.Function0;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Browserless UI tests: the real views in the real Spring context, driven as a user would, by
 * labels and texts. {@link #login(String)} signs a demo user in the way the browser would.
 */
@SpringTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    private UserDetailsService userDetailsService;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("app.catchball");
        }
    }

    @BeforeEach
    void setUpVaadin() {
        openVaadinOn(context);
    }

    /** Starts a new browserless Vaadin session on the application of this context (e.g. a second node). */
    protected static void openVaadinOn(ApplicationContext application) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, application, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        // Closing the session runs what other threads still handed the UI (live refreshes) as the signed-in user.
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Sets a field's value as a user would: only when it is visible and enabled. (Karibu's own
     * {@code _setValue} does not match Vaadin 25's field internals.)
     */
    protected static <V> void setValue(HasValue<?, V> field, V value) {
        Component component = (Component) field;
        Assertions.assertThat(component.isVisible() && !field.isReadOnly()
                && (!(field instanceof HasEnabled e) || e.isEnabled()))
                .as("%s can be edited", component).isTrue();
        field.setValue(value);
    }

    /**
     * Waits until the assertion holds, at most 2 s, running what other threads handed the UI
     * ({@code ui.access}, as Push would deliver it) in between: for live updates.
     */
    protected static void within2s(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            MockVaadin.clientRoundtrip(false);
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Signs in a user from the database, with their real authorities, and opens the home page. */
    protected void login(String username) {
        UserDetails user = userDetailsService.loadUserByUsername(username);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(auth);
        SecurityContextHolder.setContext(securityContext);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(role) || a.getAuthority().equals("ROLE_" + role)));
        UI.getCurrent().navigate("");
    }
}
