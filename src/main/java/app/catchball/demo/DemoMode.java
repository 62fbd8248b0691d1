package app.catchball.demo;

import app.catchball.base.db.NoExternalDatasource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Active outside production when {@code catchball.demo.enabled} says so; unset, it is on for the
 * embedded default database and off for an external PostgreSQL (which gets the demo trust only
 * when asked, e.g. for two nodes sharing one demo database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Profile("!prod")
@Conditional(DemoMode.Enabled.class)
@interface DemoMode {

    class Enabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            Boolean asked = environment.getProperty("catchball.demo.enabled", Boolean.class);
            return asked != null ? asked : NoExternalDatasource.appliesTo(environment);
        }
    }
}
