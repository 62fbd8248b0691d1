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

    // --- NHSRplotthedots rule (a): two in three counts only points close to the limits ---

    @Test
    void a_point_beyond_the_process_limit_does_not_count_towards_two_in_three() {
        // 20 is above the upper limit 16.32, 15 is close (beyond 14.5467): only one close point in any window
        List<SpecialCause> causes = causes(SpcEngine.analyse(baselineThen(20, 15, 12, 10, 12, 10), fixedAfter12(UP)));

        assertThat(causes.subList(12, 15)).containsExactly(ABOVE_UPPER_LIMIT, NONE, NONE);
        assertThat(withoutIndexes(causes, 12)).containsOnly(NONE);
    }

    @Test
    void a_close_point_next_to_a_point_beyond_the_limit_within_seven_above_the_mean_is_a_shift_not_two_in_three() {
        // 7 points above the mean 11: 12, 20, 15, 12, 13, 12, 13; 20 is outside, 15 the only close point
        List<SpecialCause> causes =
                causes(SpcEngine.analyse(baselineThen(10, 12, 20, 15, 12, 13, 12, 13, 10), fixedAfter12(UP)));

        assertThat(causes.subList(13, 20)).containsExactly(
                SHIFT_HIGH, ABOVE_UPPER_LIMIT, SHIFT_HIGH, SHIFT_HIGH, SHIFT_HIGH, SHIFT_HIGH, SHIFT_HIGH);
        assertThat(withoutIndexes(causes, 13, 14, 15, 16, 17, 18, 19)).containsOnly(NONE);
    }

    @Test
    void two_close_points_within_a_shift_are_two_in_three_and_the_rest_of_the_shift_is_a_shift() {
        List<SpecialCause> causes =
                causes(SpcEngine.analyse(baselineThen(10, 12, 15, 15, 12, 13, 12, 13, 10), fixedAfter12(UP)));

        assertThat(causes.subList(13, 20)).containsExactly(
                SHIFT_HIGH, TWO_OF_THREE_HIGH, TWO_OF_THREE_HIGH, SHIFT_HIGH, SHIFT_HIGH, SHIFT_HIGH, SHIFT_HIGH);
        assertThat(withoutIndexes(causes, 13, 14, 15, 16, 17, 18, 19)).containsOnly(NONE);
    }

    // --- NHSRplotthedots rule (b): a point in a rising and a falling trend takes the trend to its right ---

    @Test
    void a_peak_that_ends_a_rising_trend_and_starts_a_falling_one_is_decreasing() {
        // 10 … 16 rises over indexes 12..18, 16 … 10 falls over 18..24; limits [5.68, 16.32]
        List<SpecialCause> causes = causes(SpcEngine.analyse(
                baselineThen(10, 11, 12, 13, 14, 15, 16, 15, 14, 13, 12, 11, 10), fixedAfter12(UP)));

        assertThat(causes.subList(12, 18)).containsOnly(TREND_INCREASING);
        assertThat(causes.subList(18, 25)).containsOnly(TREND_DECREASING);
        assertThat(causes.subList(0, 12)).containsOnly(NONE);
    }

    @Test
    void a_trough_that_ends_a_falling_trend_and_starts_a_rising_one_is_increasing() {
        List<SpecialCause> causes = causes(SpcEngine.analyse(
                baselineThen(14, 13, 12, 11, 10, 9, 8, 9, 10, 11, 12, 13, 14), fixedAfter12(UP)));

        assertThat(causes.subList(12, 18)).containsOnly(TREND_DECREASING);
        assertThat(causes.subList(18, 25)).containsOnly(TREND_INCREASING);
    }

    @Test
    void the_last_point_of_a_rising_trend_followed_by_a_tie_and_a_falling_trend_reads_decreasing_as_in_nhsrplotthedots() {
        // Index 18 (16) is only in the rising trend, but the next point is in the falling one; NHSRplotthedots
        // takes the step to it (a tie, not a rise) and so labels it decreasing.
        List<SpecialCause> causes = causes(SpcEngine.analyse(
                baselineThen(10, 11, 12, 13, 14, 15, 16, 16, 15, 14, 13, 12, 11, 10), fixedAfter12(UP)));

        assertThat(causes.subList(12, 18)).containsOnly(TREND_INCREASING);
        assertThat(causes.subList(18, 26)).containsOnly(TREND_DECREASING);
    }

    // --- provisional limits ---

    @Test
    void limits_from_fewer_than_12_points_are_provisional_and_from_12_they_are_not() {
        // NHSRplotthedots test-ptd_add_short_group_warnings: 11 points warn, 12 do not
        SpcResult eleven = SpcEngine.analyse(Arrays.copyOf(baselineThen(), 11), SpcOptions.defaults(UP));
        SpcResult twelve = SpcEngine.analyse(baselineThen(), SpcOptions.defaults(UP));

        assertThat(eleven.provisionalLimits()).isTrue();
        assertThat(eleven.limitsWarning()).isEqualTo("Limits are provisional: fewer than 12 points");
        assertThat(eleven.points()).allMatch(SpcPoint::provisionalLimits);
        assertThat(twelve.provisionalLimits()).isFalse();
        assertThat(twelve.limitsWarning()).isNull();
        assertThat(twelve.points()).noneMatch(SpcPoint::provisionalLimits);
    }

    @Test
    void only_a_short_segment_has_provisional_limits() {
        // test-ptd_add_short_group_warnings: groups of 35 and 5 points warn on the 5 only; 20 and 20 do not warn
        double[] forty = new double[40];
        for (int i = 0; i < forty.length; i++) {
            forty[i] = i % 2 == 0 ? 10 : 12;
        }
        SpcResult shortTail = SpcEngine.analyse(forty, rebasedAt(UP, null, 35));
        SpcResult halves = SpcEngine.analyse(forty, rebasedAt(UP, null, 20));

        assertThat(shortTail.provisionalLimits()).isTrue();
        assertThat(shortTail.points().subList(0, 35)).noneMatch(SpcPoint::provisionalLimits);
        assertThat(shortTail.points().subList(35, 40)).allMatch(SpcPoint::provisionalLimits);
        assertThat(halves.provisionalLimits()).isFalse();
        assertThat(halves.points()).noneMatch(SpcPoint::provisionalLimits);
    }

    @Test
    void limits_fixed_after_12_points_are_not_provisional_and_an_empty_series_has_no_limits_to_warn_about() {
        assertThat(SpcEngine.analyse(baselineThen(20, 20, 20), fixedAfter12(UP)).provisionalLimits()).isFalse();
        assertThat(SpcEngine.analyse(new double[0], SpcOptions.defaults(UP)).limitsWarning()).isNull();
    }

    // --- ported from NHSRplotthedots tests/testthat (test-ptd_calculate_point_type.R) ---

    @Test
    void nhsr_seven_point_one_side_mean() {
        assertThat(SpcEngine.sevenPointsOneSideOfMean(new int[0])).isEmpty();
        assertThat(SpcEngine.sevenPointsOneSideOfMean(new int[] {1, 1, 1, 1, 1, 1})).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(SpcEngine.sevenPointsOneSideOfMean(new int[] {1, 1, 1, 1, 1, 1, -1}))
                .containsExactly(0, 0, 0, 0, 0, 0, 0);
        assertThat(SpcEngine.sevenPointsOneSideOfMean(new int[] {1, 1, 1, 1, 1, 1, 1, 1, -1}))
                .containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 0);
        assertThat(SpcEngine.sevenPointsOneSideOfMean(new int[] {-1, -1, -1, -1, -1, -1, -1, -1, 1}))
                .containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 0);
    }

    @Test
    void nhsr_part_of_seven_trend() {
        assertThat(SpcEngine.partOfSeven(new int[0])).isEmpty();
        assertThat(ints(SpcEngine.partOfSeven(new int[] {0, 0, 0, 0, 0, 0}))).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(ints(SpcEngine.partOfSeven(new int[] {0, 0, 0, 0, 0, 0, 1, 0})))
                .containsExactly(1, 1, 1, 1, 1, 1, 1, 0);
        assertThat(ints(SpcEngine.partOfSeven(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 0})))
                .containsExactly(0, 1, 1, 1, 1, 1, 1, 1, 0);
        assertThat(ints(SpcEngine.partOfSeven(new int[] {0, 0, 0, 0, 0, 0, -1, 0})))
                .containsExactly(1, 1, 1, 1, 1, 1, 1, 0);
        assertThat(ints(SpcEngine.partOfSeven(new int[] {0, 0, 0, 0, 0, 0, 0, -1, 0})))
                .containsExactly(0, 1, 1, 1, 1, 1, 1, 1, 0);
    }

    @Test
    void nhsr_seven_point_trend() {
        assertThat(SpcEngine.sevenPointTrend(new double[0])).isEmpty();
        assertThat(SpcEngine.sevenPointTrend(new double[] {1, 2, 3, 4, 5, 6})).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(SpcEngine.sevenPointTrend(new double[] {1, 2, 3, 3, 4, 5, 6})).containsExactly(0, 0, 0, 0, 0, 0, 0);
        assertThat(SpcEngine.sevenPointTrend(new double[] {1, 2, 3, 4, 5, 6, 7})).containsExactly(0, 0, 0, 0, 0, 0, 1);
        assertThat(SpcEngine.sevenPointTrend(new double[] {2, 1, 2, 3, 4, 5, 6, 7, 3}))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(SpcEngine.sevenPointTrend(new double[] {7, 6, 5, 4, 3, 2, 1})).containsExactly(0, 0, 0, 0, 0, 0, -1);
        assertThat(SpcEngine.sevenPointTrend(new double[] {2, 7, 6, 5, 4, 3, 2, 1, 3}))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, -1, 0);
    }

    @Test
    void nhsr_two_in_three() {
        int[] above = {1, 1, 1, 1, 1, 1, 1};
        assertThat(SpcEngine.twoInThree(new boolean[0], new int[0])).isEmpty();
        assertThat(ints(SpcEngine.twoInThree(close(1, 0, 1), new int[] {1, 1, 1}))).containsExactly(1, 1, 1);
        assertThat(ints(SpcEngine.twoInThree(close(0, 1, 1), new int[] {1, 1, 1}))).containsExactly(1, 1, 1);
        assertThat(ints(SpcEngine.twoInThree(close(1, 1, 0), new int[] {1, 1, 1}))).containsExactly(1, 1, 1);
        assertThat(ints(SpcEngine.twoInThree(close(0, 0, 1, 0, 1, 0, 0), above))).containsExactly(0, 0, 1, 1, 1, 0, 0);
        assertThat(ints(SpcEngine.twoInThree(close(0, 0, 1, 1, 0, 0, 0), above))).containsExactly(0, 1, 1, 1, 1, 0, 0);
    }

    @Test
    void nhsr_two_in_three_on_opposite_sides_of_the_mean() {
        assertThat(ints(SpcEngine.twoInThree(close(1, 0, 1), new int[] {1, -1, 1}))).containsOnly(0);
        assertThat(ints(SpcEngine.twoInThree(close(0, 1, 1), new int[] {1, -1, 1}))).containsOnly(0);
        assertThat(ints(SpcEngine.twoInThree(close(1, 1, 0), new int[] {1, -1, 1}))).containsOnly(0);
        assertThat(ints(SpcEngine.twoInThree(close(0, 0, 1, 0, 1, 0, 0), new int[] {1, -1, 1, -1, 1, -1, 1})))
                .containsOnly(0);
        assertThat(ints(SpcEngine.twoInThree(close(0, 0, 1, 1, 0, 0, 0), new int[] {-1, 1, -1, 1, -1, 1, -1})))
                .containsOnly(0);
    }

    @Test
    void nhsr_part_of_two_in_three_is_only_the_close_points() {
        assertThat(partOfTwoInThree(close(1, 0, 1), 1, 1, 1)).containsExactly(1, 0, 1);
        assertThat(partOfTwoInThree(close(0, 1, 1), 1, 1, 1)).containsExactly(0, 1, 1);
        assertThat(partOfTwoInThree(close(1, 1, 0), 1, 1, 1)).containsExactly(1, 1, 0);
        assertThat(partOfTwoInThree(close(0, 0, 1, 0, 1, 0, 0), 1, 1, 1, 1, 1, 1, 1)).containsExactly(0, 0, 1, 0, 1, 0, 0);
        assertThat(partOfTwoInThree(close(1, 0, 0, 1), 1, 1, 1, 1)).containsExactly(0, 0, 0, 0);
        assertThat(partOfTwoInThree(close(1, 0, 0, 1, 1), 1, 1, 1, 1, 1)).containsExactly(0, 0, 0, 1, 1);
    }

    // --- ported from NHSRplotthedots tests/testthat (test-ptd_spc_standard.R, test-ptd_spc.R and snapshots) ---

    /** R: {@code set.seed(123); rnorm(20)}, as printed to 8 decimals. */
    private static final double[] RNORM_20 = {-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774,
        1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145,
        0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141};

    private static final Offset<Double> SNAPSHOT = within(5e-6);

    @Test
    void nhsr_standard_limits_of_rnorm_20_with_and_without_outlier_screening() {
        SpcResult r1 = SpcEngine.analyse(RNORM_20, SpcOptions.defaults(UP));
        assertThat(r1.points().getFirst().mean()).isCloseTo(0.1416238, SNAPSHOT);
        assertThat(r1.points().getFirst().lowerLimit()).isCloseTo(-3.01138, SNAPSHOT);
        assertThat(r1.points().getFirst().upperLimit()).isCloseTo(3.294627, SNAPSHOT);
        assertThat(r1.points()).extracting(SpcPoint::pointType).containsOnly(PointType.COMMON_CAUSE);
        assertThat(r1.provisionalLimits()).isFalse();

        double[] withOutlier = RNORM_20.clone();
        withOutlier[14] = 10;
        SpcPoint r2 = SpcEngine.analyse(withOutlier, SpcOptions.defaults(UP)).points().getFirst();
        assertThat(r2.mean()).isCloseTo(0.6694159, SNAPSHOT);
        assertThat(r2.lowerLimit()).isCloseTo(-2.383666, SNAPSHOT);
        assertThat(r2.upperLimit()).isCloseTo(3.722497, SNAPSHOT);
        SpcPoint r3 = SpcEngine.analyse(withOutlier, new SpcOptions(UP, null, false, null, List.of())).points().getFirst();
        assertThat(r3.mean()).isCloseTo(0.6694159, SNAPSHOT);
        assertThat(r3.lowerLimit()).isCloseTo(-4.596625, SNAPSHOT);
        assertThat(r3.upperLimit()).isCloseTo(5.935457, SNAPSHOT);
        assertThat(r3.upperLimit() - r3.lowerLimit()).isGreaterThan(r2.upperLimit() - r2.lowerLimit());

        SpcPoint fixed = SpcEngine.analyse(RNORM_20, new SpcOptions(UP, null, true, 12, List.of())).points().getFirst();
        assertThat(fixed.lowerLimit()).isNotEqualTo(r1.points().getFirst().lowerLimit());
        assertThat(fixed.upperLimit()).isNotEqualTo(r1.points().getFirst().upperLimit());
    }

    @Test
    void nhsr_summary_of_rnorm_20_in_two_groups_of_10() {
        // the facet (or rebase group) summary: 0.0746 [-2.60, 2.75] and 0.209 [-3.28, 3.70], all common cause
        SpcResult result = SpcEngine.analyse(RNORM_20, rebasedAt(UP, null, 10));

        Offset<Double> printed = within(0.005);
        SpcPoint first = result.points().getFirst();
        SpcPoint last = result.points().getLast();
        assertThat(first.mean()).isCloseTo(0.0746, within(0.00005));
        assertThat(first.lowerLimit()).isCloseTo(-2.60, printed);
        assertThat(first.upperLimit()).isCloseTo(2.75, printed);
        assertThat(last.mean()).isCloseTo(0.209, within(0.0005));
        assertThat(last.lowerLimit()).isCloseTo(-3.28, printed);
        assertThat(last.upperLimit()).isCloseTo(3.70, printed);
        assertThat(result.points()).extracting(SpcPoint::pointType).containsOnly(PointType.COMMON_CAUSE);
        assertThat(result.provisionalLimits()).isTrue(); // NHSRplotthedots warns for the 10-point groups too
    }

    @Test
    void nhsr_summary_with_a_target_inside_the_limits_is_inconsistent() {
        assertThat(SpcEngine.analyse(RNORM_20, new SpcOptions(UP, 0.5, true, null, List.of())).assurance())
                .isEqualTo(Assurance.INCONSISTENT);
    }

    @Test
    void nhsr_two_close_points_on_opposite_sides_of_the_mean_are_common_cause() {
        double[] values = new double[16];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? 1 : -1;
        }
        values[14] = 5.5;
        values[15] = -5.5;

        List<SpcPoint> points = SpcEngine.analyse(values, SpcOptions.defaults(UP)).points();

        assertThat(points.subList(14, 16)).allSatisfy(p -> {
            assertThat(Math.abs(p.value() - p.mean())).isGreaterThan(p.upperNearLimit() - p.mean())
                    .isLessThan(p.upperLimit() - p.mean()); // both close to the limits
            assertThat(p.pointType()).isEqualTo(PointType.COMMON_CAUSE);
        });
    }

    @Test
    void nhsr_assurance_from_the_limits_and_the_target() {
        // test-ptd_calculate_assurance_type.R: limits [1, 3], [5, 7], [1, 5] against a target of 4
        ImprovementDirection down = ImprovementDirection.DECREASE;
        assertThat(SpcEngine.assurance(1, 3, 4.0, UP)).isEqualTo(Assurance.CONSISTENT_FAIL);
        assertThat(SpcEngine.assurance(5, 7, 4.0, UP)).isEqualTo(Assurance.CONSISTENT_PASS);
        assertThat(SpcEngine.assurance(1, 5, 4.0, UP)).isEqualTo(Assurance.INCONSISTENT);
        assertThat(SpcEngine.assurance(1, 3, 4.0, down)).isEqualTo(Assurance.CONSISTENT_PASS);
        assertThat(SpcEngine.assurance(5, 7, 4.0, down)).isEqualTo(Assurance.CONSISTENT_FAIL);
        assertThat(SpcEngine.assurance(1, 5, 4.0, down)).isEqualTo(Assurance.INCONSISTENT);
        assertThat(SpcEngine.assurance(1, 3, 4.0, ImprovementDirection.NEUTRAL)).isNull();
        assertThat(SpcEngine.assurance(1, 3, null, UP)).isNull();
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

    private static boolean[] close(int... flags) {
        boolean[] close = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            close[i] = flags[i] == 1;
        }
        return close;
    }

    private static int[] ints(boolean[] flags) {
        int[] ints = new int[flags.length];
        for (int i = 0; i < flags.length; i++) {
            ints[i] = flags[i] ? 1 : 0;
        }
        return ints;
    }

    /** R's {@code ptd_part_of_two_in_three(ptd_two_in_three(close, side), close)}. */
    private static int[] partOfTwoInThree(boolean[] close, int... side) {
        boolean[] in = SpcEngine.twoInThree(close, side);
        for (int i = 0; i < in.length; i++) {
            in[i] &= close[i];
        }
        return ints(in);
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
