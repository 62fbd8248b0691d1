package app.catchball.api;

import app.catchball.security.SecurityHeaders;
import app.catchball.security.SignedInAccess;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Security for {@code /api/**}, ahead of Vaadin's chain (which keeps everything else).
 *
 * <p>A request is authenticated by {@code Authorization: Bearer <token>} or by the browser's
 * signed-in session (so the interactive page works). There is no sign-in page here: without
 * either, the answer is 401 JSON.
 *
 * <p>CSRF: Spring's CSRF tokens are off for {@code /api/**}. A bearer request cannot be forged by
 * another site (the browser never adds the header by itself). A request that relies on the
 * session cookie and changes something (any method but GET, HEAD, OPTIONS, except the pure
 * calculation {@code POST /api/v1/spc}) must carry an {@code X-Requested-With} header, which a
 * cross-site form cannot send and a cross-site script cannot send without a CORS preflight that
 * this application never allows. See {@link BearerTokenFilter}.
 *
 * <p>No request here creates a session; a session-cookie request ends when the user's access
 * changed, and a user who must change their password is refused ({@link SignedInAccess}). Bodies
 * are capped at 1 MB ({@link RequestBodyLimit}). Vaadin never answers under {@code /api}
 * ({@code vaadin.exclude-urls}); unknown paths and verbs get JSON from {@link ApiPathErrors}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Catchball API", version = "v1",
                description = "Units, X-matrices, metric values and SPC (Making Data Count). Authenticate with a "
                        + "personal access token from your profile page: Authorization: Bearer cb_…"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal access token (cb_…) created on the Profile page")
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenService tokens,
                                               SignedInAccess signedInAccess) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterAfter(new BearerTokenFilter(tokens), SecurityContextHolderFilter.class)
                .addFilterAfter(new RequestBodyLimit(), HeaderWriterFilter.class)
                .addFilterBefore(signedInAccess.filter(request -> false,
                        (request, response, e) -> ApiErrors.write(response, 403, e.getMessage())), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                ApiErrors.write(response, 401, BearerTokenFilter.SIGN_IN))
                        .accessDeniedHandler((request, response, e) ->
                                ApiErrors.write(response, 403, e.getMessage())));
        SecurityHeaders.apply(http);
        return http.build();
    }
}
