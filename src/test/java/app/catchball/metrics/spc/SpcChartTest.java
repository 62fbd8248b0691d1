package app.catchball.metrics.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpcChartTest {

    private static final double[] WITH_JUMP = {10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 30, 11};

    @Test
    void a_chart_is_an_svg_element_with_its_title() {
        SpcResult result = SpcEngine.analyse(WITH_JUMP, SpcOptions.defaults(ImprovementDirection.INCREASE));

        String svg = SpcChart.svg(result, null, "Falls per 1,000 bed days", "falls", 15.0, 800, 400);

        assertThat(svg).startsWith("<svg").contains("Falls per 1,000 bed days")
                .doesNotContain("Limits are provisional"); // 14 points
    }

    @Test
    void a_special_cause_improvement_is_drawn_in_blue() {
        SpcResult result = SpcEngine.analyse(WITH_JUMP, SpcOptions.defaults(ImprovementDirection.INCREASE));
        assertThat(result.points()).extracting(SpcPoint::pointType).contains(PointType.SPECIAL_CAUSE_IMPROVEMENT);

        String svg = SpcChart.svg(result, labels(WITH_JUMP.length), "Discharges", "patients", null, 800, 400);

        assertThat(svg).containsAnyOf("rgb(40,157,224)", "#289de0", "#289DE0").contains("Jan 2024");
        assertThat(svg).doesNotContain("rgb(222,27,27)", "#de1b1b");
    }

    @Test
    void only_common_cause_variation_has_no_improvement_colour_and_a_target_is_drawn_in_red() {
        SpcResult result = SpcEngine.analyse(new double[] {1, 3, 2, 5, 4}, SpcOptions.defaults(ImprovementDirection.INCREASE));

        String svg = SpcChart.svg(result, null, "Steady", "", 4.0, 600, 300);

        assertThat(svg).doesNotContain("rgb(40,157,224)", "#289de0").containsAnyOf("rgb(222,27,27)", "#de1b1b");
        assertThat(svg).contains("Limits are provisional: fewer than 12 points"); // 5 points
    }

    @Test
    void a_rebased_series_renders() {
        double[] values = {10, 12, 10, 12, 10, 12, 20, 22, 20, 22, 20};
        SpcResult result = SpcEngine.analyse(
                values, new SpcOptions(ImprovementDirection.DECREASE, 18.0, true, null, List.of(6)));

        assertThat(SpcChart.svg(result, null, "Rebased", "minutes", 18.0, 800, 400)).startsWith("<svg");
    }

    @Test
    void an_empty_series_renders_without_throwing() {
        SpcResult empty = SpcEngine.analyse(new double[0], SpcOptions.defaults(ImprovementDirection.NEUTRAL));

        assertThat(SpcChart.svg(empty, List.of(), "Nothing yet", "count", 3.0, 400, 200))
                .startsWith("<svg")
                .contains("Nothing yet");
        assertThat(SpcChart.svg(empty, null, "Nothing yet", "count", null, 400, 200)).startsWith("<svg");
    }

    @Test
    void x_labels_must_match_the_points() {
        SpcResult result = SpcEngine.analyse(new double[] {1, 2}, SpcOptions.defaults(ImprovementDirection.NEUTRAL));

        assertThatThrownBy(() -> SpcChart.svg(result, List.of("a"), "t", "u", null, 400, 200))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> labels(int n) {
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        return IntStream.range(0, n).mapToObj(i -> months[i % 12] + " " + (2024 + i / 12)).toList();
    }
}
