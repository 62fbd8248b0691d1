package app.catchball.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.RouterLink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Links to views by their route class, never by a URL string: renaming or moving a route is a
 * compile error, not a broken link. {@code RoutesTest} fails when a route string comes back.
 */
public final class Routes {

    private Routes() {
    }

    /** A link to a view with query parameters, e.g. {@code x-matrix?unit=W7&cycle=3}, given as name, value, name, value…. */
    public static RouterLink link(String text, Class<? extends Component> view, String... query) {
        RouterLink link = new RouterLink(text, view);
        if (query.length > 0) {
            link.setQueryParameters(query(query));
        }
        return link;
    }

    /** A link to a view that takes a path parameter, e.g. {@code projects/project/12}. */
    public static <T, C extends Component & HasUrlParameter<T>> RouterLink link(String text, Class<? extends C> view, T parameter) {
        return new RouterLink(text, view, parameter);
    }

    /**
     * Query parameters in the order given (name, value, name, value…); a null value leaves its
     * name out.
     */
    public static QueryParameters query(String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("query parameters come in name, value pairs");
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                map.put(nameValues[i], List.of(nameValues[i + 1]));
            }
        }
        return new QueryParameters(map);
    }

    /**
     * The path of a view with a path parameter, for links kept outside a UI (stored reminders, the
     * e-mail digest), where Vaadin's router is not at hand: read from the view's {@code @Route}.
     */
    public static String path(Class<? extends Component> view, Object parameter) {
        String base = route(view);
        return base.isEmpty() ? String.valueOf(parameter) : base + "/" + parameter;
    }

    /** The path of a view with query parameters (name, value, name, value…), in the order given. */
    public static String pathWithQuery(Class<? extends Component> view, String... nameValues) {
        StringJoiner q = new StringJoiner("&");
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                q.add(nameValues[i] + "=" + URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return q.length() == 0 ? route(view) : route(view) + "?" + q;
    }

    /** Navigates to the one registered view that is the {@link StartPage}. */
    public static void goToStart() {
        Class<? extends Component> start = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getNavigationTarget).filter(StartPage.class::isAssignableFrom).findFirst()
                .orElseThrow(() -> new IllegalStateException("no view implements StartPage"));
        UI.getCurrent().navigate(start);
    }

    private static String route(Class<? extends Component> view) {
        Route route = view.getAnnotation(Route.class);
        if (route == null) {
            throw new IllegalArgumentException(view.getSimpleName() + " has no @Route");
        }
        return route.value();
    }
}
