package app.catchball.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Vaadin makes each application context's own {@link SecurityContextHolderStrategy} the global one
 * when the context starts. A test that starts another application in this JVM (another context)
 * leaves the global strategy pointing at that one, and the shared context's filters and services
 * would then read different holders. Before each test, the test's own context's strategy is made
 * global again, as it is in a running application (one context per JVM).
 */
public class SecurityContextStrategyListener implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
