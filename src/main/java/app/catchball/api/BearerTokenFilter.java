package app.catchball.api;

import app.catchball.security.SignedInAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} signs the request in as the token's user, for this request
 * only (nothing goes into a session). A bad or revoked token is refused with 401 even when a
 * session exists. Without a bearer token the session decides; a session request that changes
 * something must carry {@code X-Requested-With} (our CSRF defence, see
 * {@link ApiSecurityConfiguration}).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String SIGN_IN = "Sign in or send Authorization: Bearer <token>.";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Pure calculations: they change nothing, so a session may call them without the header. */
    private static final Set<String> SIDE_EFFECT_FREE_POSTS = Set.of("/api/v1/spc");

    private final ApiTokenService tokens;

    BearerTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Looked up per request: Vaadin installs its own strategy after this filter is built.
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<ApiTokenService.TokenOwner> owner = tokens.owner(header.substring(7).strip());
            if (owner.isEmpty()) {
                ApiErrors.write(response, 401, "That token is not valid or has been revoked. " + SIGN_IN);
                return;
            }
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
            if (owner.get().admin()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner.get().username(), null, authorities));
            contexts.setContext(context);
            SignedInAccess.checkedByToken(request, owner.get().username(), owner.get().mustChangePassword());
        } else if (header != null && !header.isBlank()) {
            ApiErrors.write(response, 401, SIGN_IN);
            return;
        } else if (signedIn(contexts) && changesSomething(request) && isBlank(request.getHeader("X-Requested-With"))) {
            ApiErrors.write(response, 403, "A change from the browser needs the X-Requested-With header;"
                    + " other clients send Authorization: Bearer <token>.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean signedIn(SecurityContextHolderStrategy contexts) {
        Authentication auth = contexts.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static boolean changesSomething(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && SIDE_EFFECT_FREE_POSTS.contains(path));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
