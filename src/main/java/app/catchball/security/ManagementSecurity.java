package app.catchball.security;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Actuator endpoints (health, readiness, metrics) are never public. By default they are served
 * only on the management port ({@code management.server.port}, bound to {@code 127.0.0.1} unless
 * {@code management.server.address} says otherwise), which the public port and the proxy never
 * forward to: there they answer without sign-in, for probes and Prometheus. If an operator puts them
 * on the main port instead, they are for Admins only.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain managementEndpoints(HttpSecurity http, Environment environment) throws Exception {
        boolean ownPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .authorizeHttpRequests(auth -> {
                    if (ownPort) {
                        auth.anyRequest().permitAll();
                    } else {
                        auth.anyRequest().hasRole("ADMIN");
                    }
                });
        return http.build();
    }
}
