package app.catchball.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricValueView;
import app.catchball.metrics.MetricsService;
import app.catchball.planning.CycleService;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The metric page of a Ward 7 metric charts its whole series: the closed 2025/26 and the current 2026/27. */
class MetricSeriesViewTest extends KaribuTest {

    @Autowired
    MetricsService metrics;

    @Autowired
    CycleService cycles;

    @Autowired
    PlanFixture fixture;

    @Test
    void the_metric_page_charts_more_than_12_months_of_a_ward_7_metric_across_both_cycles() {
        long previous = SystemUser.runAs("viewer", cycles::cycles).stream().filter(c -> c.name().equals("2025/26"))
                .findFirst().orElseThrow().id();
        MetricInfo discharges = SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).stream()
                .filter(m -> m.title().equals("Discharges before noon")).findFirst().orElseThrow();
        MetricInfo lastYear = SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), previous)).stream()
                .filter(m -> m.title().equals("Discharges before noon")).findFirst().orElseThrow();
        login("ward7.nurse");

        for (MetricInfo metric : new MetricInfo[] {discharges, lastYear}) {
            UI.getCurrent().navigate(MetricView.class, metric.id());

            String svg = _get(NotesChart.class).svg();
            // The x axis runs from the first month of the series (2024) into the current cycle (2026).
            assertThat(svg).contains("Nov 2024").contains(" 2026<");
            @SuppressWarnings("unchecked")
            Grid<MetricValueView> values = _get(Grid.class, spec -> spec.withClasses("metric-values"));
            assertThat(GridKt._size(values)).isGreaterThan(12);
        }
    }
}
