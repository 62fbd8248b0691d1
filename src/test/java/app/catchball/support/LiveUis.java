package app.catchball.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * The Vaadin UIs really alive in the embedded Tomcat: every HTTP session's {@link VaadinSession}
 * asked for its UIs (under its lock), rather than UIs assumed from the requests sent.
 */
public final class LiveUis {

    private LiveUis() {
    }

    /** The UIs of every session. */
    public static List<UI> all(ApplicationContext context) {
        List<UI> uis = new ArrayList<>();
        for (Session session : tomcatContext(context).getManager().findSessions()) {
            uis.addAll(of(session));
        }
        return uis;
    }

    /** The UIs of the session with this id (a JSESSIONID cookie's value); none when there is no such session. */
    public static List<UI> ofSession(ApplicationContext context, String sessionId) {
        try {
            Session session = tomcatContext(context).getManager().findSession(sessionId);
            return session == null ? List.of() : of(session);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UI> of(Session session) {
        List<UI> uis = new ArrayList<>();
        HttpSession http = session.getSession();
        List<String> names;
        try {
            names = Collections.list(http.getAttributeNames());
        } catch (IllegalStateException invalidated) {
            return uis;
        }
        for (String name : names) {
            if (http.getAttribute(name) instanceof VaadinSession vaadin) {
                vaadin.lock();
                try {
                    uis.addAll(vaadin.getUIs());
                } finally {
                    vaadin.unlock();
                }
            }
        }
        return uis;
    }

    private static Context tomcatContext(ApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        for (Container child : server.getTomcat().getHost().findChildren()) {
            if (child instanceof Context web) {
                return web;
            }
        }
        throw new IllegalStateException("No web application in the embedded Tomcat");
    }
}
