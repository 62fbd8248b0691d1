package app.catchball.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.MdcIcons;
import app.catchball.metrics.SpcVerdict;
import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import app.catchball.planning.Direction;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Making Data Count icons on the bowling chart, the phone cards, the metric page and the SPC summary. */
class MdcIconViewTest extends KaribuTest {

    @Test
    void every_bowling_chart_row_has_variation_and_assurance_icons_with_text_alternatives() {
        login("viewer");
        UI.getCurrent().navigate("metrics", QueryParameters.fromString("unit=W7"));

        @SuppressWarnings("unchecked")
        Grid<BowlingChart.Row> grid = _get(Grid.class, spec -> spec.withClasses("bowling-chart"));
        assertThat(grid.getColumnByKey("variation").getHeaderText()).isEqualTo("Variation");
        assertThat(grid.getColumnByKey("assurance").getHeaderText()).isEqualTo("Assurance");
        for (int i = 0; i < GridKt._size(grid); i++) {
            BowlingChart.Row row = GridKt._get(grid, i);
            MdcIcon v = (MdcIcon) GridKt._getCellComponent(grid, i, "variation");
            MdcIcon a = (MdcIcon) GridKt._getCellComponent(grid, i, "assurance");
            assertThat(v.label()).isEqualTo(row.spc().variationLabel()).startsWith("Variation: ");
            assertThat(a.label()).isEqualTo(row.spc().assuranceLabel()).startsWith("Assurance: ");
            assertThat(v.getElement().getAttribute("role")).isEqualTo("img");
            assertThat(v.getElement().getProperty("innerHTML")).startsWith("<svg").contains("<title>" + row.spc().variationLabel());
        }
        BowlingChart.Row discharges = GridKt._get(grid, 0);
        assertThat(discharges.metric().title()).isEqualTo("Discharges before noon");
        assertThat(discharges.spc().variationLabel()).isEqualTo("Variation: Special cause: improvement, high");

        // The phone cards carry the same icons.
        List<MdcIcon> onCards = _find(MdcIcon.class).stream().filter(icon -> icon.getParent().flatMap(Component::getParent)
                .filter(p -> p instanceof Anchor || p instanceof RouterLink).isPresent()).toList();
        assertThat(onCards).hasSize(2 * GridKt._size(grid));
    }

    @Test
    void the_spc_summary_of_a_unit_is_reached_from_metrics_with_the_unit_picker() {
        login("viewer");
        UI.getCurrent().navigate("metrics", QueryParameters.fromString("unit=W7"));
        _click(_get(Button.class, spec -> spec.withText("SPC summary")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .startsWith("metrics/spc-summary?").contains("unit=W7");
        @SuppressWarnings("unchecked")
        Grid<SpcVerdict> grid = _get(Grid.class, spec -> spec.withClasses("spc-summary"));
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("Metric", "Latest value", "Variation", "Assurance", "Target", "Trajectory");
        List<SpcVerdict> rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
        assertThat(rows).extracting(v -> v.metric().title())
                .containsExactly("Discharges before noon", "Falls with harm", "Patients who would recommend the ward");
        assertThat(rows.getFirst().variation()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(((MdcIcon) GridKt._getCellComponent(grid, 0, "variation")).label())
                .isEqualTo("Variation: Special cause: improvement, high");
        assertThat(((MdcIcon) GridKt._getCellComponent(grid, 0, "assurance")).label()).isEqualTo(rows.getFirst().assuranceLabel());
    }

    @Test
    void icons_say_h_or_l_and_p_f_or_question_mark_in_the_icon_sets_colours() {
        String concernHigh = MdcIcons.variationSvg(PointType.SPECIAL_CAUSE_CONCERN, Direction.DOWN);
        assertThat(concernHigh).contains(MdcIcons.CONCERN).contains(">H</text>").contains("<title>Variation: Special cause: concern, high</title>");
        assertThat(MdcIcons.variationSvg(PointType.SPECIAL_CAUSE_IMPROVEMENT, Direction.DOWN)).contains(MdcIcons.IMPROVEMENT).contains(">L</text>");
        assertThat(MdcIcons.variationSvg(PointType.COMMON_CAUSE, Direction.UP)).contains(MdcIcons.COMMON).doesNotContain("</text>");
        assertThat(MdcIcons.assuranceSvg(Assurance.CONSISTENT_PASS)).contains(MdcIcons.IMPROVEMENT).contains(">P</text>");
        assertThat(MdcIcons.assuranceSvg(Assurance.CONSISTENT_FAIL)).contains(MdcIcons.CONCERN).contains(">F</text>")
                .contains("<title>Assurance: consistently fails the target</title>");
        assertThat(MdcIcons.assuranceSvg(Assurance.INCONSISTENT)).contains(MdcIcons.COMMON).contains(">?</text>");
    }
}
