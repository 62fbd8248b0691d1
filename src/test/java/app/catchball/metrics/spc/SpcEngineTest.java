package app.catchball.metrics.spc;

import static app.catchball.metrics.spc.SpecialCause.ABOVE_UPPER_LIMIT;
import static app.catchball.metrics.spc.SpecialCause.BELOW_LOWER_LIMIT;
import static app.catchball.metrics.spc.SpecialCause.NONE;
import static app.catchball.metrics.spc.SpecialCause.SHIFT_HIGH;
import static app.catchball.metrics.spc.SpecialCause.SHIFT_LOW;
import static app.catchball.metrics.spc.SpecialCause.TREND_DECREASING;
import static app.catchball.metrics.spc.SpecialCause.TREND_INCREASING;
import static app.catchball.metrics.spc.SpecialCause.TWO_OF_THREE_HIGH;
import static app.catchball.metrics.spc.SpecialCause.TWO_OF_THREE_LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed XmR expectations. Many rule tests share a fixed baseline: 12 points alternating 10, 12 with limits
 * fixed after them, so mean 11, mR̄ 2, process limits 11 ± 5.32 = [5.68, 16.32] and near limits
 * 11 ± 3.5467 = [7.4533, 14.5467]; the alternating baseline itself has no special cause.
 */
class SpcEngineTest {

    private static final Offset<Double> E = within(1e-9);
    private static final ImprovementDirection UP = ImprovementDirection.INCREASE;

    // --- mean, moving range and limits ---

    @Test
    void limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges() {
        // mean 15/5 = 3; mR 2,1,3,1 → mR̄ 1.75; 2.66 × 1.75 = 4.655; (2/3) × 4.655 = 3.103333…
        SpcResult result = SpcEngine.analyse(new double[] {1, 3, 2, 5, 4}, SpcOptions.defaults(UP));

        assertThat(result.points()).hasSize(5).allSatisfy(p -> {
            assertThat(p.mean()).isCloseTo(3, E);
            assertThat(p.upperLimit()).isCloseTo(7.655, E);
            assertThat(p.lowerLimit()).isCloseTo(-1.655, E);
            assertThat(p.upperNearLimit()).isCloseTo(3 + 4.655 * 2 / 3, E);
            assertThat(p.lowerNearLimit()).isCloseTo(3 - 4.655 * 2 / 3, E);
        });
        assertThat(result.points()).extracting(SpcPoint::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(result.points()).extracting(SpcPoint::value).containsExactly(1.0, 3.0, 2.0, 5.0, 4.0);
        assertThat(causes(result)).containsOnly(NONE);
        assertThat(result.variation()).isEqualTo(PointType.COMMON_CAUSE);
    }

    @Test
    void outlier_screening_drops_moving_ranges_of_at_least_3_267_mean_moving_ranges() {
        // mR: eleven 2s, 18, 38 → mR̄ 78/13 = 6; ceiling 19.602 drops 38 → mR̄ (22 + 18)/12 = 3.3333…; mean 154/14 = 11
        double[] values = withJump();

        SpcPoint screened = SpcEngine.analyse(values, SpcOptions.defaults(UP)).points().getFirst();
        SpcPoint unscreened = SpcEngine.analyse(values, new SpcOptions(UP, null, false, null, List.of()))
                .points().getFirst();

        assertThat(screened.mean()).isCloseTo(11, E);
        assertThat(screened.upperLimit()).isCloseTo(11 + 2.66 * 40 / 12, E);
        assertThat(screened.lowerLimit()).isCloseTo(11 - 2.66 * 40 / 12, E);
        assertThat(unscreened.mean()).isCloseTo(11, E);
        assertThat(unscreened.upperLimit()).isCloseTo(11 + 2.66 * 6, E);
        assertThat(unscreened.lowerLimit()).isCloseTo(11 - 2.66 * 6, E);
    }

    @Test
    void limits_fixed_after_12_points_ignore_the_later_points() {
        // unfixed the mean would be (132 + 60)/15 = 12.8
        SpcResult result = SpcEngine.analyse(baselineThen(20, 20, 20), fixedAfter12(UP));

        assertThat(result.points()).hasSize(15).allSatisfy(p -> {
            assertThat(p.mean()).isCloseTo(11, E);
            assertThat(p.upperLimit()).isCloseTo(16.32, E);
            assertThat(p.lowerLimit()).isCloseTo(5.68, E);
        });
        assertThat(causes(result).subList(12, 15)).containsOnly(ABOVE_UPPER_LIMIT);
        assertThat(SpcEngine.analyse(baselineThen(20, 20, 20), SpcOptions.defaults(UP)).points().getFirst().mean())
                .isCloseTo(12.8, E);
    }

    @Test
    void fixing_limits_on_a_segment_shorter_than_n_uses_all_its_points() {
        SpcPoint fixed = SpcEngine.analyse(new double[] {1, 3, 2, 5, 4}, fixedAfter12(UP)).points().getLast();

        assertThat(fixed.mean()).isCloseTo(3, E);
        assertThat(fixed.upperLimit()).isCloseTo(7.655, E);
    }

    @Test
    void fixing_limits_after_fewer_than_12_points_is_rejected() {
        assertThatThrownBy(() -> new SpcOptions(UP, null, true, 11, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixAfterNPoints")
                .hasMessageContaining("12");
    }

    @Test
    void rebasing_recomputes_the_limits_from_the_rebase_point() {
        // segment 1: mean 11, mR̄ 2 → [5.68, 16.32]; segment 2: mean 104/5 = 20.8, mR̄ 2 → [15.48, 26.12]
        double[] values = {10, 12, 10, 12, 10, 12, 20, 22, 20, 22, 20};
        SpcResult result = SpcEngine.analyse(values, rebasedAt(UP, null, 0, -3, 6, 6, 11, 40));

        assertThat(result.points().subList(0, 6)).allSatisfy(p -> {
            assertThat(p.mean()).isCloseTo(11, E);
            assertThat(p.lowerLimit()).isCloseTo(5.68, E);
            assertThat(p.upperLimit()).isCloseTo(16.32, E);
        });
        assertThat(result.points().subList(6, 11)).allSatisfy(p -> {
            assertThat(p.mean()).isCloseTo(20.8, E);
            assertThat(p.lowerLimit()).isCloseTo(15.48, E);
            assertThat(p.upperLimit()).isCloseTo(26.12, E);
        });
        assertThat(causes(result)).containsOnly(NONE);
    }

    @Test
    void runs_do_not_cross_a_rebase() {
        double[] values = {1, 2, 3, 4, 5, 6, 7};
        // one segment: mean 4, mR̄ 1, limits [1.34, 6.66]: the ends are outside, the rest a trend
        assertThat(causes(SpcEngine.analyse(values, SpcOptions.defaults(UP)))).containsExactly(
                BELOW_LOWER_LIMIT, TREND_INCREASING, TREND_INCREASING, TREND_INCREASING, TREND_INCREASING,
                TREND_INCREASING, ABOVE_UPPER_LIMIT);
        // split 3 + 4: [−0.66, 4.66] and [2.84, 8.16], no run of 7 and nothing beyond a near limit
        assertThat(causes(SpcEngine.analyse(values, rebasedAt(UP, null, 3)))).containsOnly(NONE);
    }

    // --- special cause rules ---

    @Test
    void points_outside_the_process_limits_are_special_causes() {
        // mean 11, limits [2.1333, 19.8667] (see the screening test)
        List<SpecialCause> causes = causes(SpcEngine.analyse(withJump(), SpcOptions.defaults(UP)));

        assertThat(causes.get(12)).isEqualTo(ABOVE_UPPER_LIMIT);
        assertThat(causes.get(13)).isEqualTo(BELOW_LOWER_LIMIT);
        assertThat(causes.subList(0, 12)).containsOnly(NONE);
    }

    @Test
    void seven_increasing_points_are_a_trend() {
        // mean 79/15 = 5.2667, mR̄ 18/14 → limits [1.8467, 8.6867], near [2.9867, 7.5467]
        double[] values = {6, 5, 6, 5, 2, 3, 4, 5, 6, 7, 8, 5, 6, 5, 6};

        List<SpecialCause> causes = causes(SpcEngine.analyse(values, SpcOptions.defaults(UP)));

        assertThat(causes.subList(4, 11)).containsOnly(TREND_INCREASING);
        assertThat(causes.subList(0, 4)).containsOnly(NONE);
        assertThat(causes.subList(11, 15)).containsOnly(NONE);
    }

    @Test
    void seven_decreasing_points_are_a_trend() {
        // the mirror image (11 − x) of the increasing trend
        double[] values = {5, 6, 5, 6, 9, 8, 7, 6, 5, 4, 3, 6, 5, 6, 5};

        List<SpecialCause> causes = causes(SpcEngine.analyse(values, SpcOptions.defaults(UP)));

        assertThat(causes.subList(4, 11)).containsOnly(TREND_DECREASING);
        assertThat(causes.subList(0, 4)).containsOnly(NONE);
        assertThat(causes.subList(11, 15)).containsOnly(NONE);
    }

    @Test
    void six_increasing_points_are_not_a_trend() {
        // mean 71/14 = 5.0714, mR̄ 16/13 → limits [1.7976, 8.3452], near [2.8889, 7.2540]
        double[] values = {6, 5, 6, 5, 2, 3, 4, 5, 6, 7, 5, 6, 5, 6};

        assertThat(causes(SpcEngine.analyse(values, SpcOptions.defaults(UP)))).containsOnly(NONE);
    }

    @Test
    void a_tie_breaks_a_trend() {
        // 2, 3, 4, 4, 5, 6, 7: mean 5, mR̄ 16/14 → limits [1.96, 8.04], near [2.9733, 7.0267]
        double[] values = {6, 5, 6, 5, 2, 3, 4, 4, 5, 6, 7, 5, 6, 5, 6};

        assertThat(causes(SpcEngine.analyse(values, SpcOptions.defaults(UP)))).containsOnly(NONE);
    }

    @Test
    void two_of_three_points_beyond_the_upper_near_limit_are_flagged_but_not_the_one_inside() {
        List<SpecialCause> causes = causes(SpcEngine.analyse(baselineThen(15, 12, 15, 10, 12, 10), fixedAfter12(UP)));

        assertThat(causes.subList(12, 15)).containsExactly(TWO_OF_THREE_HIGH, NONE, TWO_OF_THREE_HIGH);
        assertThat(withoutIndexes(causes, 12, 14)).containsOnly(NONE);
    }

    @Test
    void three_of_three_points_beyond_the_near_limit_are_all_flagged() {
        List<SpecialCause> causes = causes(SpcEngine.analyse(baselineThen(15, 16, 15, 10, 12, 10), fixedAfter12(UP)));

        assertThat(causes.subList(12, 15)).containsOnly(TWO_OF_THREE_HIGH);
        assertThat(withoutIndexes(causes, 12, 13, 14)).containsOnly(NONE);
    }

    @Test
    void two_of_three_points_beyond_the_lower_near_limit_are_flagged() {
        List<SpecialCause> causes = causes(SpcEngine.analyse(baselineThen(7, 10, 7, 12, 10, 12), fixedAfter12(UP)));

        assertThat(causes.subList(12, 15)).containsExactly(TWO_OF_THREE_LOW, NONE, TWO_OF_THREE_LOW);
        assertThat(withoutIndexes(causes, 12, 14)).containsOnly(NONE);
    }

    @Test
    void two_of_three_needs_all_three_points_on_the_same_side_of_the_mean() {
        // 15, 10.5, 15: the middle point is below the mean of 11
        assertThat(causes(SpcEngine.analyse(baselineThen(15, 10.5, 15, 10, 12, 10), fixedAfter12(UP))))
                .containsOnly(NONE);
        // 15, 11, 15: the middle point is on the mean
        assertThat(causes(SpcEngine.analyse(baselineThen(15, 11, 15, 10, 12, 10), fixedAfter12(UP))))
                .containsOnly(NONE);
    }

    @Test
    void seven_points_above_the_mean_are_a_shift() {
        List<SpecialCause> causes =
                causes(SpcEngine.analyse(baselineThen(10, 12, 13, 12, 13, 12, 13, 12, 10), fixedAfter12(UP)));

        assertThat(causes.subList(13, 20)).containsOnly(SHIFT_HIGH);
        assertThat(withoutIndexes(causes, 13, 14, 15, 16, 17, 18, 19)).containsOnly(NONE);
    }

    @Test
    void seven_points_below_the_mean_are_a_shift() {
        List<SpecialCause> causes =
                causes(SpcEngine.analyse(baselineThen(12, 10, 9, 10, 9, 10, 9, 10, 12), fixedAfter12(UP)));

        assertThat(causes.subList(13, 20)).containsOnly(SHIFT_LOW);
        assertThat(withoutIndexes(causes, 13, 14, 15, 16, 17, 18, 19)).containsOnly(NONE);
    }

    @Test
    void a_point_on_the_mean_breaks_a_shift() {
        assertThat(causes(SpcEngine.analyse(baselineThen(10, 12, 13, 12, 11, 13, 12, 13, 10), fixedAfter12(UP))))
                .containsOnly(NONE);
    }

    @Test
    void a_point_outside_the_limits_within_a_shift_is_labelled_outside() {
        List<SpecialCause> causes =
                causes(SpcEngine.analyse(baselineThen(10, 12, 13, 12, 20, 12, 13, 12, 10), fixedAfter12(UP)));

        assertThat(causes.subList(13, 20)).containsExactly(
                SHIFT_HIGH, SHIFT_HIGH, SHIFT_HIGH, ABOVE_UPPER_LIMIT, SHIFT_HIGH, SHIFT_HIGH, SHIFT_HIGH);
    }

    @Test
    void a_trend_within_a_shift_is_labelled_trend() {
        // 10 … 14.2 rises for 8 points; the last 7 of them are also above the mean
        List<SpecialCause> causes = causes(SpcEngine.analyse(
                baselineThen(10, 11.5, 12, 12.5, 13, 13.5, 14, 14.2, 10), fixedAfter12(UP)));

        assertThat(causes.subList(12, 20)).containsOnly(TREND_INCREASING);
        assertThat(withoutIndexes(causes, 12, 13, 14, 15, 16, 17, 18, 19)).containsOnly(NONE);
    }

    // --- point types and variation ---

    @Test
    void when_higher_is_better_high_causes_are_improvement_and_low_causes_concern() {
        SpcResult result = SpcEngine.analyse(withJump(), SpcOptions.defaults(UP));

        assertThat(result.points().get(12).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(result.points().get(13).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
        assertThat(result.points().subList(0, 12)).extracting(SpcPoint::pointType).containsOnly(PointType.COMMON_CAUSE);
        assertThat(result.variation()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
    }

    @Test
    void when_lower_is_better_low_causes_are_improvement_and_high_causes_concern() {
        SpcResult result = SpcEngine.analyse(withJump(), SpcOptions.defaults(ImprovementDirection.DECREASE));

        assertThat(result.points().get(12).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
        assertThat(result.points().get(13).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(result.variation()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);

        SpcResult shift = SpcEngine.analyse(
                baselineThen(12, 10, 9, 10, 9, 10, 9, 10, 12), fixedAfter12(ImprovementDirection.DECREASE));
        assertThat(shift.points().subList(13, 20)).extracting(SpcPoint::pointType)
                .containsOnly(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(shift.variation()).isEqualTo(PointType.COMMON_CAUSE);
    }

    @Test
    void neutral_metrics_have_neutral_high_and_low_special_causes() {
        SpcResult result = SpcEngine.analyse(withJump(), SpcOptions.defaults(ImprovementDirection.NEUTRAL));

        assertThat(result.points().get(12).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH);
        assertThat(result.points().get(13).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_NEUTRAL_LOW);
        assertThat(result.variation()).isEqualTo(PointType.SPECIAL_CAUSE_NEUTRAL_LOW);
    }

    @Test
    void point_types_and_assurances_have_snake_case_json_names() {
        assertThat(PointType.COMMON_CAUSE.json()).isEqualTo("common_cause");
        assertThat(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH.json()).isEqualTo("special_cause_neutral_high");
        assertThat(Assurance.CONSISTENT_PASS.json()).isEqualTo("consistent_pass");
        assertThat(Assurance.INCONSISTENT.json()).isEqualTo("inconsistent");
    }

    // --- assurance, on limits [−1.655, 7.655] ---

    @Test
    void when_higher_is_better_a_target_above_the_upper_limit_always_fails_and_below_the_lower_always_passes() {
        assertThat(assurance(UP, 8.0)).isEqualTo(Assurance.CONSISTENT_FAIL);
        assertThat(assurance(UP, -2.0)).isEqualTo(Assurance.CONSISTENT_PASS);
        assertThat(assurance(UP, 3.0)).isEqualTo(Assurance.INCONSISTENT);
        assertThat(assurance(UP, 7.655)).isEqualTo(Assurance.INCONSISTENT);
    }

    @Test
    void when_lower_is_better_a_target_above_the_upper_limit_always_passes_and_below_the_lower_always_fails() {
        ImprovementDirection down = ImprovementDirection.DECREASE;
        assertThat(assurance(down, 8.0)).isEqualTo(Assurance.CONSISTENT_PASS);
        assertThat(assurance(down, -2.0)).isEqualTo(Assurance.CONSISTENT_FAIL);
        assertThat(assurance(down, 3.0)).isEqualTo(Assurance.INCONSISTENT);
    }

    @Test
    void there_is_no_assurance_without_a_target_or_for_a_neutral_metric() {
        assertThat(assurance(UP, null)).isNull();
        assertThat(assurance(ImprovementDirection.NEUTRAL, 8.0)).isNull();
    }

    @Test
    void assurance_is_judged_on_the_last_segment() {
        // segment 1 [5.68, 16.32] would fail a target of 18; segment 2 is [15.48, 26.12]
        double[] values = {10, 12, 10, 12, 10, 12, 20, 22, 20, 22, 20};

        assertThat(SpcEngine.analyse(values, rebasedAt(UP, 18.0, 6)).assurance()).isEqualTo(Assurance.INCONSISTENT);
        assertThat(SpcEngine.analyse(values, rebasedAt(ImprovementDirection.DECREASE, 27.0, 6)).assurance())
                .isEqualTo(Assurance.CONSISTENT_PASS);
    }

    // --- edge cases ---

    @Test
    void an_empty_series_has_no_points_and_no_variation() {
        SpcResult result = SpcEngine.analyse(new double[0], new SpcOptions(UP, 5.0, true, null, List.of(3)));

        assertThat(result.points()).isEmpty();
        assertThat(result.variation()).isNull();
        assertThat(result.assurance()).isNull();
    }

    @Test
    void a_single_point_is_its_own_mean_and_limits_and_common_cause() {
        SpcResult result = SpcEngine.analyse(new double[] {7.5}, SpcOptions.defaults(UP));

        SpcPoint point = result.points().getFirst();
        assertThat(List.of(point.mean(), point.lowerLimit(), point.upperLimit(), point.lowerNearLimit(),
                point.upperNearLimit())).containsOnly(7.5);
        assertThat(point.specialCause()).isEqualTo(NONE);
        assertThat(result.variation()).isEqualTo(PointType.COMMON_CAUSE);
    }

    @Test
    void a_constant_series_has_limits_on_the_mean_and_no_special_cause() {
        double[] values = new double[10];
        Arrays.fill(values, 5);

        SpcResult result = SpcEngine.analyse(values, SpcOptions.defaults(UP));

        assertThat(result.points()).allSatisfy(p -> assertThat(List.of(p.mean(), p.lowerLimit(), p.upperLimit(),
                p.lowerNearLimit(), p.upperNearLimit())).containsOnly(5.0));
        assertThat(causes(result)).containsOnly(NONE);
        assertThat(result.variation()).isEqualTo(PointType.COMMON_CAUSE);
    }

    @Test
    void a_value_that_is_not_a_finite_number_is_rejected_naming_its_index() {
        assertThatThrownBy(() -> SpcEngine.analyse(new double[] {1, Double.NaN, 3}, SpcOptions.defaults(UP)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> SpcEngine.analyse(
                        new double[] {1, 2, Double.POSITIVE_INFINITY}, SpcOptions.defaults(UP)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 2");
    }

    @Test
    void a_60_point_series_analyses_well_under_a_millisecond_after_warm_up() {
        double[] values = new double[60];
        for (int i = 0; i < values.length; i++) {
            values[i] = 50 + 10 * Math.sin(i * 0.7) + (i % 7);
        }
        SpcOptions options = new SpcOptions(UP, 55.0, true, 12, List.of(30));
        for (int i = 0; i < 20_000; i++) {
            SpcEngine.analyse(values, options);
        }

        int runs = 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            SpcEngine.analyse(values, options);
        }
        double millisPerRun = (System.nanoTime() - start) / 1e6 / runs;

        assertThat(millisPerRun).isLessThan(1.0); // typically a few microseconds; generous for busy CI machines
    }

    // --- helpers ---

    /** 10, 12 × 6 then 30, −8: mean 11. */
    private static double[] withJump() {
        return new double[] {10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 30, -8};
    }

    /** The 12-point alternating baseline followed by the tail from index 12. */
    private static double[] baselineThen(double... tail) {
        double[] values = new double[12 + tail.length];
        for (int i = 0; i < 12; i++) {
            values[i] = i % 2 == 0 ? 10 : 12;
        }
        System.arraycopy(tail, 0, values, 12, tail.length);
        return values;
    }

    private static SpcOptions fixedAfter12(ImprovementDirection direction) {
        return new SpcOptions(direction, null, true, 12, List.of());
    }

    private static SpcOptions rebasedAt(ImprovementDirection direction, Double target, Integer... indexes) {
        return new SpcOptions(direction, target, true, null, List.of(indexes));
    }

    private static Assurance assurance(ImprovementDirection direction, Double target) {
        return SpcEngine.analyse(new double[] {1, 3, 2, 5, 4}, new SpcOptions(direction, target, true, null, List.of()))
                .assurance();
    }

    private static List<SpecialCause> causes(SpcResult result) {
        return result.points().stream().map(SpcPoint::specialCause).toList();
    }

    private static List<SpecialCause> withoutIndexes(List<SpecialCause> causes, int... indexes) {
        List<SpecialCause> rest = new ArrayList<>(causes);
        for (int i = indexes.length - 1; i >= 0; i--) {
            rest.remove(indexes[i]);
        }
        return rest;
    }
}
