package app.catchball.metrics.spc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * XmR statistical process control as in NHS England's "Making Data Count", following the R package
 * NHSRplotthedots ({@code ptd_spc}).
 *
 * <p>The series is split into segments at each rebase index; each segment gets its own mean, mean moving range
 * and limits, and no run or window crosses a segment boundary. A point is labelled with the first special cause
 * that applies: outside the process limits, a trend of 7 rising or falling points, 2 of 3 points close to the
 * limits (beyond the near limit but not beyond the process limit), a shift of 7 points on one side of the mean.
 * The limits of a segment whose baseline has fewer than {@value #MIN_BASELINE_POINTS} points are provisional.
 */
public final class SpcEngine {

    /** Process limits are the mean ± this times the mean moving range. */
    static final double LIMIT = 2.66;
    /** Near ("2 sigma") limits are the mean ± this times the mean moving range. */
    static final double NEAR_LIMIT = 2.0 * LIMIT / 3.0;
    /** Moving ranges at least this times the mean moving range are screened out as outliers. */
    static final double OUTLIER_MOVING_RANGE = 3.267;
    /** Points in a trend or a shift. */
    static final int RUN_LENGTH = 7;
    /** Limits computed from fewer points than this are provisional (NHSRplotthedots warns "n < 12"). */
    public static final int MIN_BASELINE_POINTS = 12;

    private SpcEngine() {}

    public static SpcResult analyse(double[] values, SpcOptions options) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(options, "options");
        int n = values.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value at index " + i + " is not a finite number: " + values[i]);
            }
        }
        if (n == 0) {
            return new SpcResult(List.of(), null, null, false);
        }

        double[] mean = new double[n];
        double[] meanMovingRange = new double[n];
        SpecialCause[] cause = new SpecialCause[n];
        boolean[] provisional = new boolean[n];
        int[] bounds = segmentBounds(n, options.rebaseIndexes());
        for (int s = 0; s + 1 < bounds.length; s++) {
            int from = bounds[s];
            int to = bounds[s + 1];
            int baseline = calculateLimits(values, from, to, options, mean, meanMovingRange);
            Arrays.fill(provisional, from, to, baseline < MIN_BASELINE_POINTS);
            labelSegment(values, from, to, mean[from], meanMovingRange[from], cause);
        }

        List<SpcPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double limit = LIMIT * meanMovingRange[i];
            double near = NEAR_LIMIT * meanMovingRange[i];
            points.add(new SpcPoint(i, values[i], mean[i], mean[i] - limit, mean[i] + limit, mean[i] - near,
                    mean[i] + near, cause[i], pointType(cause[i], options.direction()), provisional[i]));
        }
        SpcPoint last = points.get(n - 1);
        boolean anyProvisional = false;
        for (boolean p : provisional) {
            anyProvisional |= p;
        }
        return new SpcResult(points, last.pointType(), assurance(last, options), anyProvisional);
    }

    /** Segment start indexes followed by n: [0, r1, r2, ..., n]. */
    private static int[] segmentBounds(int n, List<Integer> rebaseIndexes) {
        int[] bounds = rebaseIndexes.stream()
                .mapToInt(Integer::intValue)
                .filter(i -> i > 0 && i < n)
                .sorted()
                .distinct()
                .toArray();
        int[] all = new int[bounds.length + 2];
        System.arraycopy(bounds, 0, all, 1, bounds.length);
        all[all.length - 1] = n;
        return all;
    }

    /** Fills the segment's mean and mean moving range; returns the number of points they were computed from. */
    private static int calculateLimits(
            double[] x, int from, int to, SpcOptions options, double[] mean, double[] meanMovingRange) {
        Integer fix = options.fixAfterNPoints();
        int baseEnd = fix == null ? to : Math.min(to, from + fix);

        double sum = 0;
        for (int i = from; i < baseEnd; i++) {
            sum += x[i];
        }
        double segmentMean = sum / (baseEnd - from);

        double rangeSum = 0;
        int ranges = 0;
        for (int i = from + 1; i < baseEnd; i++) {
            rangeSum += Math.abs(x[i] - x[i - 1]);
            ranges++;
        }
        double amr = ranges == 0 ? 0 : rangeSum / ranges;
        if (options.screenOutliers() && amr > 0) {
            double ceiling = OUTLIER_MOVING_RANGE * amr;
            rangeSum = 0;
            ranges = 0;
            for (int i = from + 1; i < baseEnd; i++) {
                double range = Math.abs(x[i] - x[i - 1]);
                if (range < ceiling) {
                    rangeSum += range;
                    ranges++;
                }
            }
            amr = ranges == 0 ? 0 : rangeSum / ranges; // some range is always below 3.267 × their mean
        }
        Arrays.fill(mean, from, to, segmentMean);
        Arrays.fill(meanMovingRange, from, to, amr);
        return baseEnd - from;
    }

    /**
     * Labels [from, to) as {@code ptd_special_cause_type} does: each rule marks the points that are part of it, and a
     * point takes the first that applies in the order outside the limits, trend, two in three, shift.
     */
    private static void labelSegment(double[] x, int from, int to, double mean, double amr, SpecialCause[] cause) {
        int n = to - from;
        double[] y = Arrays.copyOfRange(x, from, to);
        double upper = mean + LIMIT * amr;
        double lower = mean - LIMIT * amr;
        double upperNear = mean + NEAR_LIMIT * amr;
        double lowerNear = mean - NEAR_LIMIT * amr;
        int[] side = new int[n];
        boolean[] outside = new boolean[n];
        boolean[] close = new boolean[n];
        for (int i = 0; i < n; i++) {
            side[i] = (int) Math.signum(y[i] - mean);
            outside[i] = y[i] > upper || y[i] < lower;
            close[i] = !outside[i] && (y[i] < lowerNear || y[i] > upperNear);
        }
        boolean[] trend = partOfSeven(sevenPointTrend(y));
        boolean[] twoInThree = twoInThree(close, side);
        boolean[] shift = partOfSeven(sevenPointsOneSideOfMean(side));
        for (int i = 0; i < n; i++) {
            SpecialCause c;
            if (outside[i]) {
                c = side[i] == 1 ? SpecialCause.ABOVE_UPPER_LIMIT : SpecialCause.BELOW_LOWER_LIMIT;
            } else if (trend[i]) {
                c = trendDirection(y, trend, i) == 1 ? SpecialCause.TREND_INCREASING : SpecialCause.TREND_DECREASING;
            } else if (twoInThree[i] && close[i]) {
                c = side[i] > 0 ? SpecialCause.TWO_OF_THREE_HIGH : SpecialCause.TWO_OF_THREE_LOW;
            } else if (shift[i]) {
                c = side[i] > 0 ? SpecialCause.SHIFT_HIGH : SpecialCause.SHIFT_LOW;
            } else {
                c = SpecialCause.NONE;
            }
            cause[from + i] = c;
        }
    }

    /**
     * +1 at each point that ends 7 strictly rising points (6 rises in a row), −1 at each that ends 7 strictly falling
     * points, otherwise 0. A tie breaks a trend.
     */
    static int[] sevenPointTrend(double[] y) {
        int[] ends = new int[y.length];
        int run = 0; // consecutive steps in the direction of the last step
        int direction = 0;
        for (int i = 1; i < y.length; i++) {
            int step = (int) Math.signum(y[i] - y[i - 1]);
            run = step != 0 && step == direction ? run + 1 : (step == 0 ? 0 : 1);
            direction = step;
            if (run >= RUN_LENGTH - 1) {
                ends[i] = step;
            }
        }
        return ends;
    }

    /** 1 at each point that ends 7 points in a row strictly on the same side of the mean, otherwise 0. */
    static int[] sevenPointsOneSideOfMean(int[] side) {
        int[] ends = new int[side.length];
        int run = 0;
        for (int i = 0; i < side.length; i++) {
            run = side[i] != 0 && i > 0 && side[i] == side[i - 1] ? run + 1 : (side[i] == 0 ? 0 : 1);
            if (run >= RUN_LENGTH) {
                ends[i] = 1;
            }
        }
        return ends;
    }

    /** Whether each point is one of the 7 that end at a non-zero mark: that point or one of the 6 after it is marked. */
    static boolean[] partOfSeven(int[] ends) {
        boolean[] part = new boolean[ends.length];
        int lastEnd = Integer.MAX_VALUE; // nearest marked index at or after i
        for (int i = ends.length - 1; i >= 0; i--) {
            if (ends[i] != 0) {
                lastEnd = i;
            }
            part[i] = lastEnd != Integer.MAX_VALUE && lastEnd - i < RUN_LENGTH;
        }
        return part;
    }

    /**
     * Whether each point is in some window of 3 consecutive points that are all strictly on the same side of the mean
     * with at least 2 of them close to the limits. Only the close points of such windows are special causes.
     */
    static boolean[] twoInThree(boolean[] close, int[] side) {
        int n = close.length;
        boolean[] in = new boolean[n];
        for (int w = 0; w + 2 < n; w++) {
            int sides = side[w] + side[w + 1] + side[w + 2];
            int closeCount = (close[w] ? 1 : 0) + (close[w + 1] ? 1 : 0) + (close[w + 2] ? 1 : 0);
            if (Math.abs(sides) == 3 && closeCount >= 2) {
                in[w] = true;
                in[w + 1] = true;
                in[w + 2] = true;
            }
        }
        return in;
    }

    /**
     * The direction of the trend a point belongs to. When the next point is in a trend too, the step to it decides
     * (so a point that ends one trend and starts the opposite takes the direction of the trend to its right);
     * otherwise the step from the point before. As in NHSRplotthedots, only a rise counts as increasing: a tie
     * between a point and the next trend point reads as decreasing.
     */
    private static int trendDirection(double[] y, boolean[] trend, int i) {
        if (i + 1 < y.length && trend[i + 1]) {
            return (int) Math.signum(y[i + 1] - y[i]);
        }
        return i == 0 ? 0 : (int) Math.signum(y[i] - y[i - 1]);
    }

    private static PointType pointType(SpecialCause cause, ImprovementDirection direction) {
        if (cause == SpecialCause.NONE) {
            return PointType.COMMON_CAUSE;
        }
        boolean high = cause.isHigh();
        return switch (direction) {
            case INCREASE -> high ? PointType.SPECIAL_CAUSE_IMPROVEMENT : PointType.SPECIAL_CAUSE_CONCERN;
            case DECREASE -> high ? PointType.SPECIAL_CAUSE_CONCERN : PointType.SPECIAL_CAUSE_IMPROVEMENT;
            case NEUTRAL -> high ? PointType.SPECIAL_CAUSE_NEUTRAL_HIGH : PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
        };
    }

    /** Judged on the last segment's limits: a target outside them is met always or never. */
    private static Assurance assurance(SpcPoint last, SpcOptions options) {
        return assurance(last.lowerLimit(), last.upperLimit(), options.target(), options.direction());
    }

    static Assurance assurance(double lowerLimit, double upperLimit, Double target, ImprovementDirection direction) {
        if (target == null || direction == ImprovementDirection.NEUTRAL) {
            return null;
        }
        boolean higherIsBetter = direction == ImprovementDirection.INCREASE;
        if (target > upperLimit) {
            return higherIsBetter ? Assurance.CONSISTENT_FAIL : Assurance.CONSISTENT_PASS;
        }
        if (target < lowerLimit) {
            return higherIsBetter ? Assurance.CONSISTENT_PASS : Assurance.CONSISTENT_FAIL;
        }
        return Assurance.INCONSISTENT;
    }
}
