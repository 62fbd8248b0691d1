package app.catchball.base.db;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Tells the migrations which database role the application connects as ({@code ${appRole}}): it
 * owns the application's schema and may read, never change, the audit trail. On the embedded
 * database that is {@value EmbeddedCredentials#APP_ROLE}; on an external one
 * {@code catchball.database.app-role}, by default {@code spring.datasource.username}.
 */
@Configuration(proxyBeanMethods = false)
class MigrationPlaceholders {

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(Environment environment) {
        String appRole = NoExternalDatasource.appliesTo(environment)
                ? EmbeddedCredentials.APP_ROLE
                : environment.getProperty("catchball.database.app-role", environment.getProperty("spring.datasource.username", ""));
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("appRole", appRole);
            configuration.placeholders(placeholders);
        };
    }
}
