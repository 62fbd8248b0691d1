package app.catchball.security;

import app.catchball.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;

@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
            ObjectProvider<ClientRegistrationRepository> sso,
            SingleSignOnUsers singleSignOnUsers, RequestUtil vaadinRequests, SignedInAccess signedInAccess) throws Exception {
        if (sso.getIfAvailable() != null) {
            // Single sign-on only when an OpenID Connect provider is configured (spring.security.oauth2.client.*).
            http.oauth2Login(oauth -> oauth.loginPage("/login").failureUrl("/login?error")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(singleSignOnUsers)));
        }
        // Our own static resources (plain custom elements and the style sheet) are public.
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/components/**", "/styles/**", "/images/**").permitAll());
        SecurityHeaders.apply(http);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
        // After Vaadin's configurer, so that its login view is known before form login initialises.
        signInRules(http, vaadinRequests, signedInAccess);
        return http.build();
    }

    /**
     * The sign-in POST needs a CSRF token (Vaadin's login form sends the one from the page's meta
     * tags); only Vaadin's own requests, which carry their own security key, go without, and a
     * sign-in is never taken for one of those. Sessions remember the access they were signed in
     * under, and every request is checked against it ({@link SignedInAccess}).
     */
    private static void signInRules(HttpSecurity http, RequestUtil vaadinRequests, SignedInAccess signedInAccess)
            throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher signIn = paths.matcher(HttpMethod.POST, "/login");
        http.csrf(csrf -> csrf.ignoringRequestMatchers(
                RequestMatchers.allOf(vaadinRequests::isFrameworkInternalRequest, RequestMatchers.not(signIn))));
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/login?error&wait"));
        http.formLogin(form -> form.failureHandler(failures));
        http.sessionManagement(session -> session.addSessionAuthenticationStrategy(signedInAccess.stampAtSignIn())
                .addSessionAuthenticationStrategy(new SignInPageRelease()));
        RequestMatcher allowedWhilePasswordMustChange = RequestMatchers.anyOf(
                vaadinRequests::isFrameworkInternalRequest,
                VaadinSecurityConfigurer.getDefaultHttpSecurityPermitMatcher(),
                VaadinSecurityConfigurer.getDefaultWebSecurityIgnoreMatcher(),
                paths.matcher("/password"), paths.matcher("/login"), paths.matcher("/logout"),
                paths.matcher("/components/**"), paths.matcher("/styles/**"), paths.matcher("/images/**"));
        http.addFilterBefore(signedInAccess.filter(allowedWhilePasswordMustChange, (request, response, denied) -> {
            if (HttpMethod.GET.matches(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/password");
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
        }), AuthorizationFilter.class);
    }

    /**
     * No Micrometer observation around each of Spring Security's filters: with an observation registry
     * present (Actuator's metrics) Spring Security otherwise wraps all fifteen filters of every request,
     * which cost a tenth of a Vaadin navigation's server time (issue 15, JFR profile of the X-matrix).
     * Catchball has no tracing; requests stay timed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
