package app.catchball.base.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when the embedded PostgreSQL is used: no external one is configured
 * ({@code spring.datasource.url}) and {@code catchball.embedded-postgres.enabled} is not false
 * (the {@code prod} profile sets it to false, so production starts no embedded database unless it
 * is set to true explicitly).
 */
public class NoExternalDatasource implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return appliesTo(context.getEnvironment());
    }

    public static boolean appliesTo(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                && environment.getProperty("catchball.embedded-postgres.enabled", Boolean.class, true);
    }
}
