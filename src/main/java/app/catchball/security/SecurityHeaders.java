package app.catchball.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security headers of every response, one definition for every filter chain (pages, static
 * files, redirects and the API).
 *
 * <p>The headers are written <em>eagerly</em>, before the request is handled. Spring Security
 * writes them lazily by default, when the response commits; Vaadin's production-mode bootstrap page
 * commits in a way that never triggers that, so the packaged application served {@code /login}
 * without them (only Vaadin's own {@code X-Frame-Options: SAMEORIGIN}, which Vaadin leaves alone
 * when the header is already there). {@code PackagedSecurityHeadersIT} proves it on the jar.
 */
public final class SecurityHeaders {

    /**
     * What Vaadin needs (its bootstrap uses inline scripts and styles, and eval in dev mode; push uses
     * web sockets), nothing from other origins, and no framing at all.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** Adds the headers to a filter chain. */
    public static void apply(HttpSecurity http) throws Exception {
        http.headers(SecurityHeaders::configure);
    }

    private static void configure(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny())
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                });
    }
}
