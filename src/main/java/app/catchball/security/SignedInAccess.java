package app.catchball.security;

import app.catchball.base.db.Rows;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every signed-in request against the user's current access, with one indexed query:
 * <ul>
 * <li>A session remembers the user's {@code session_version} from its sign-in. An Admin's password
 * reset, deactivation, or the user's own new password raises it, so every other session of that
 * user ends at its next request, for the pages and the session-cookie API alike.</li>
 * <li>A user who must change their password reaches only the change-password page (and what it
 * needs) until they have; everything else is refused, the API included.</li>
 * </ul>
 */
@Component
public class SignedInAccess {

    static final String STAMP = SignedInAccess.class.getName() + ".STAMP";
    static final String MUST_CHANGE_PASSWORD =
            "Your password was reset by an Admin: sign in and choose a new one before going on.";

    /** What a session remembers from its sign-in. */
    record Stamp(String username, long version) implements Serializable {
    }

    private record State(boolean active, boolean mustChangePassword, long sessionVersion) {
    }

    /** What the per-request check learnt of the signed-in user, kept for the rest of the request. */
    private static final String CHECKED = SignedInAccess.class.getName() + ".CHECKED";

    private record Checked(String username, boolean mustChangePassword) {
    }

    /**
     * Whether the user must change their password, as the per-request check read it a moment ago in
     * this same request (the screens ask again on every navigation): empty outside such a request.
     */
    static Optional<Boolean> mustChangePasswordInThisRequest(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty() : checkedFor(request.getAttribute(CHECKED, RequestAttributes.SCOPE_REQUEST), username);
    }

    /** Whether the user must change their password, if the request's {@link #CHECKED} attribute is about them. */
    private static Optional<Boolean> checkedFor(Object checked, String username) {
        return checked instanceof Checked c && c.username().equalsIgnoreCase(username)
                ? Optional.of(c.mustChangePassword()) : Optional.empty();
    }

    /**
     * For a request signed in by a personal access token: the statement that checked the token also
     * read whether its active owner must change their password, so the per-request check takes that
     * answer instead of reading the user again.
     */
    public static void checkedByToken(HttpServletRequest request, String username, boolean mustChangePassword) {
        request.setAttribute(CHECKED, new Checked(username, mustChangePassword));
    }

    private final JdbcClient jdbc;

    SignedInAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers, in the new session, the version of the user's access it was signed in under. */
    SessionAuthenticationStrategy stampAtSignIn() {
        return (authentication, request, response) -> state(authentication.getName()).ifPresent(state ->
                request.getSession().setAttribute(STAMP, new Stamp(authentication.getName(), state.sessionVersion())));
    }

    /**
     * The current request's session goes on under the user's new version (the session in which a
     * user changes their own password stays signed in; the others end).
     */
    static void keepCurrentSession(String username, long version) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(CHECKED, RequestAttributes.SCOPE_REQUEST); // the password just changed
        }
        if (request != null && request.getAttribute(STAMP, RequestAttributes.SCOPE_SESSION) instanceof Stamp stamp
                && stamp.username().equalsIgnoreCase(username)) {
            request.setAttribute(STAMP, new Stamp(stamp.username(), version), RequestAttributes.SCOPE_SESSION);
        }
    }

    /**
     * The per-request check.
     *
     * @param allowedWhilePasswordMustChange what a user who must change their password may still request
     * @param refusal answers a request refused because the password must change first
     */
    public Filter filter(RequestMatcher allowedWhilePasswordMustChange, AccessDeniedHandler refusal) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                    chain.doFilter(request, response);
                    return;
                }
                boolean mustChangePassword;
                Optional<Boolean> byToken = bearer(request) ? checkedFor(request.getAttribute(CHECKED), auth.getName()) : Optional.empty();
                if (byToken.isPresent()) {
                    mustChangePassword = byToken.get();
                } else {
                    Optional<State> state = state(auth.getName());
                    HttpSession session = request.getSession(false);
                    if (session != null && !bearer(request) && !current(session, auth.getName(), state)) {
                        SignInAttempts.SECURITY_LOG.info("Session ended because access changed: user={} source={}",
                                auth.getName(), request.getRemoteAddr());
                        session.invalidate();
                        SecurityContextHolder.clearContext();
                        chain.doFilter(request, response);
                        return;
                    }
                    mustChangePassword = state.map(State::mustChangePassword).orElse(false);
                }
                if (mustChangePassword && !allowedWhilePasswordMustChange.matches(request)) {
                    refusal.handle(request, response, new AccessDeniedException(MUST_CHANGE_PASSWORD));
                    return;
                }
                request.setAttribute(CHECKED, new Checked(auth.getName(), mustChangePassword));
                chain.doFilter(request, response);
            }
        };
    }

    private static boolean current(HttpSession session, String username, Optional<State> state) {
        return session.getAttribute(STAMP) instanceof Stamp stamp
                && stamp.username().equalsIgnoreCase(username)
                && state.filter(State::active).filter(s -> s.sessionVersion() == stamp.version()).isPresent();
    }

    private static boolean bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private Optional<State> state(String username) {
        return jdbc.sql("select active, must_change_password, session_version from app_user where lower(username) = lower(:u)")
                .param("u", username).query(Rows.of(State.class)).optional();
    }
}
