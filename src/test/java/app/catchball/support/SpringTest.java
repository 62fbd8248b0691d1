package app.catchball.support;

import app.catchball.security.SystemUser;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The whole application on a real (embedded, throwaway) PostgreSQL with the demo trust, served on
 * a random port. Every test uses this one configuration, so the suite starts one context and one
 * PostgreSQL. Use {@link SystemUser#runAs} to call services as a demo user.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(StatementCounter.class)
@TestExecutionListeners(listeners = {SecurityContextStrategyListener.class, DemoTrustGuard.class},
        mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface SpringTest {
}
