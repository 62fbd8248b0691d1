package app.catchball.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricPageService;
import app.catchball.metrics.MetricsService;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/** The metric page offers only what the service allows, and reads periods as "Dec 2026". */
class MetricPageTest extends KaribuTest {

    @Autowired
    MetricsService metrics;

    @Autowired
    PlanFixture fixture;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void only_those_who_may_record_a_countermeasure_see_the_form() {
        MetricInfo metric = SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).getFirst();
        for (String user : new String[] {"viewer", "ward7.nurse", "ward7.manager", "coach"}) {
            login(user);
            UI.getCurrent().navigate(MetricView.class, metric.id());
            boolean offered = _find(Button.class, spec -> spec.withText("Record countermeasure")).size() == 1;
            assertThat(offered).as("%s sees \"Record countermeasure\"", user).isEqualTo(!user.equals("viewer"));
        }
    }

    @Test
    void values_are_listed_by_month_in_british_style() {
        MetricInfo metric = SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).getFirst();
        login("viewer");
        UI.getCurrent().navigate(MetricView.class, metric.id());

        @SuppressWarnings("unchecked")
        Grid<Object> values = (Grid<Object>) _find(Grid.class, spec -> spec.withClasses("metric-values")).getFirst();
        assertThat(GridKt._size(values)).isPositive();
        assertThat(GridKt._getFormattedRow(values, 0).getFirst()).matches("[A-Z][a-z]{2} \\d{4}");
    }

    @Test
    void the_page_is_read_in_one_read_only_transaction() {
        MetricInfo metric = SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).getFirst();
        login("ward7.manager");
        Thread ui = Thread.currentThread();
        List<String> begun = new CopyOnWriteArrayList<>();
        TransactionExecutionListener listener = new TransactionExecutionListener() {
            @Override
            public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
                if (Thread.currentThread() == ui) {
                    begun.add(transaction.getTransactionName() + (transaction.isReadOnly() ? " (read-only)" : ""));
                }
            }
        };
        ConfigurableTransactionManager manager = (ConfigurableTransactionManager) transactions;
        manager.addListener(listener);
        try {
            UI.getCurrent().navigate(MetricView.class, metric.id());
        } finally {
            manager.getTransactionExecutionListeners().remove(listener);
        }
        // The layout's password gate opens its own; the page opens one, read-only.
        assertThat(begun).filteredOn(name -> name.contains(".metrics."))
                .containsExactly(MetricPageService.class.getName() + ".page (read-only)");
    }
}
