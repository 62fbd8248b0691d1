package app.catchball.base.ops;

import app.catchball.base.LiveConnectionState;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Catchball's own metrics, beside Boot's (HTTP requests including the API's as
 * {@code http.server.requests}, JVM, connection pool):
 * <ul>
 * <li>{@code catchball.view.navigation}: from entering a view to the end of its navigation, per view;</li>
 * <li>{@code catchball.live.connection}: the LISTEN connection's state ({@link LiveConnectionState});</li>
 * <li>{@code catchball.xmatrix.build} and {@code catchball.spc} come from {@code @Timed} on the services.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OperationsMetrics {

    private static final LiveConnectionState UNKNOWN = () -> LiveConnectionState.State.UNKNOWN;

    @Bean
    Gauge liveConnectionGauge(MeterRegistry registry, ObjectProvider<LiveConnectionState> state) {
        return Gauge.builder("catchball.live.connection", state, s -> s.getIfAvailable(() -> UNKNOWN).liveConnectionState().value())
                .strongReference(true)
                .description("The LISTEN connection for cross-node live updates: 1 listening, 0 down, -1 unknown")
                .register(registry);
    }

    @Bean
    VaadinServiceInitListener viewNavigationTimer(MeterRegistry registry) {
        return (ServiceInitEvent service) -> service.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addBeforeEnterListener((BeforeEnterEvent enter) -> ComponentUtil.setData(ui, NavigationStart.class,
                    new NavigationStart(System.nanoTime())));
            ui.addAfterNavigationListener((AfterNavigationEvent after) -> {
                NavigationStart start = ComponentUtil.getData(ui, NavigationStart.class);
                if (start == null) {
                    return;
                }
                ComponentUtil.setData(ui, NavigationStart.class, null);
                String view = ui.getInternals().getActiveRouterTargetsChain().isEmpty() ? "none"
                        : ui.getInternals().getActiveRouterTargetsChain().getFirst().getClass().getSimpleName();
                Timer.builder("catchball.view.navigation").description("Opening a view, from entering it to the end of its navigation")
                        .tag("view", view).register(registry).record(System.nanoTime() - start.nanos(), TimeUnit.NANOSECONDS);
            });
        });
    }

    private record NavigationStart(long nanos) {
    }
}
