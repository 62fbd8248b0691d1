package app.catchball.security;

import app.catchball.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * What Vaadin needs (its bootstrap uses inline scripts and styles, and eval in dev mode; push uses
     * web sockets), nothing from other origins, and no framing at all.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
            org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> sso,
            SingleSignOnUsers singleSignOnUsers) throws Exception {
        if (sso.getIfAvailable() != null) {
            // Single sign-on only when an OpenID Connect provider is configured (spring.security.oauth2.client.*).
            http.oauth2Login(oauth -> oauth.loginPage("/login").failureUrl("/login?error")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(singleSignOnUsers)));
        }
        // Our own static resources (plain custom elements and the style sheet) are public.
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/components/**", "/styles/**", "/images/**").permitAll());
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(org.springframework.security.config.Customizer.withDefaults())
                .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                        .ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny()));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
