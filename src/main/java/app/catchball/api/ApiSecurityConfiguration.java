package app.catchball.api;

import app.catchball.security.PermissionService;
import app.catchball.security.SecurityHeaders;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
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
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenService tokens, PermissionService permissions)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterAfter(new BearerTokenFilter(tokens, permissions), SecurityContextHolderFilter.class)
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
