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
        SecurityHeaders.apply(http);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
