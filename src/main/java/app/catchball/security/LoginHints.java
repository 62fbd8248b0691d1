package app.catchball.security;

import java.util.List;

/** Lines shown under the sign-in form, e.g. the demo users in demo mode. Absent in production. */
public interface LoginHints {

    String title();

    List<String> lines();
}
