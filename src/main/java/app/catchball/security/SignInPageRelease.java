package app.catchball.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * Lets the sign-in page's UI go once its sign-in succeeds. The browser then leaves the page for the
 * one it asked for, which opens a UI of its own; without this the sign-in page's UI stayed in the
 * session until its heartbeats stopped (a tab held 1.78 UIs on average, issue 15). Before sign-in a
 * session can only show the sign-in page, so every UI it holds is one: they are closed here, and
 * Vaadin removes closed UIs at the end of the session's next request.
 */
final class SignInPageRelease implements SessionAuthenticationStrategy {

    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        for (String name : Collections.list(session.getAttributeNames())) {
            if (session.getAttribute(name) instanceof VaadinSession vaadin) {
                vaadin.lock();
                try {
                    List.copyOf(vaadin.getUIs()).forEach(UI::close);
                } finally {
                    vaadin.unlock();
                }
            }
        }
    }
}
