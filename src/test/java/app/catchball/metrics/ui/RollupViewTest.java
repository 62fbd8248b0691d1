package app.catchball.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.BowlingChart;
import app.catchball.planning.PlanFixture;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo roll-up on screen: falls with harm from the wards to Emergency & Acute Medicine and on to the trust. */
class RollupViewTest extends KaribuTest {

    @Autowired
    PlanFixture fixture;

    private static int rowOf(Grid<BowlingChart.Row> grid, String title) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).metric().title().equals(title)) {
                return i;
            }
        }
        throw new AssertionError("No row " + title);
    }

    /** The text of every span in the row's cells, as the grid's component renderers make them. */
    private static List<String> cellTexts(Grid<BowlingChart.Row> grid, BowlingChart.Row item) {
        List<String> texts = new ArrayList<>();
        for (Grid.Column<BowlingChart.Row> column : grid.getColumns()) {
            if (column.getRenderer() instanceof ComponentRenderer<?, BowlingChart.Row> renderer) {
                Component cell = renderer.createComponent(item);
                _find(cell, Span.class).forEach(span -> texts.add(span.getText()));
            }
        }
        return texts;
    }

    private static List<String> spans() {
        return _find(Span.class).stream().map(Span::getText).toList();
    }

    @Test
    void the_directorates_bowling_chart_shows_the_wards_roll_up_beside_its_own_and_their_commitments() {
        login("viewer");
        UI.getCurrent().navigate("metrics", QueryParameters.simple(Map.of("unit", "EAM",
                "cycle", String.valueOf(fixture.cycle()))));

        // The grid's cells (read as the grid renders them) and the phone cards both show it.
        @SuppressWarnings("unchecked")
        Grid<BowlingChart.Row> grid = _get(Grid.class, spec -> spec.withClasses("bowling-chart"));
        int falls = rowOf(grid, "Falls with harm");
        List<String> row = cellTexts(grid, GridKt._get(grid, falls));
        assertThat(String.join(" | ", row)).contains("Ward commitments: 5 of 8").containsPattern("Roll-up \\d+ \\(2 of 3\\)")
                .containsPattern("Roll-up \\d+ \\|");
        assertThat(spans()).contains("Ward commitments: 5 of 8")
                .as("October: the Emergency Department has not reported yet").anyMatch(t -> t.matches("Roll-up Oct 2026: \\d+ \\(2 of 3\\)"));
    }

    @Test
    void the_trusts_bowling_chart_and_the_metric_page_show_the_directorates_commitment() {
        login("viewer");
        UI.getCurrent().navigate("metrics", QueryParameters.simple(Map.of("unit", "NTH",
                "cycle", String.valueOf(fixture.cycle()))));
        assertThat(spans()).contains("Directorate commitments: 8 of 30").anyMatch(t -> t.matches("Roll-up Oct 2026: \\d+"));

        UI.getCurrent().navigate(MetricView.class, fixture.item("EAM", "Falls with harm").id());
        _get(H3.class, spec -> spec.withText("Roll-up"));
        assertThat(spans()).contains("Ward commitments: 5 of 8");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(t -> t.startsWith("Contributes to M") && t.endsWith("Falls with harm (Northshore Teaching Hospitals NHS Foundation Trust) by sum."));
    }
}
