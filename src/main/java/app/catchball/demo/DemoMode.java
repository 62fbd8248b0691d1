package app.catchball.demo;

import app.catchball.base.db.NoExternalDatasource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;

/** Active on the embedded default database outside production, unless {@code catchball.demo.enabled=false}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Profile("!prod")
@Conditional(NoExternalDatasource.class)
@ConditionalOnProperty(name = "catchball.demo.enabled", havingValue = "true", matchIfMissing = true)
@interface DemoMode {
}
