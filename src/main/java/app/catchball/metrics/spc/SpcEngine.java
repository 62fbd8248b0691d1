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
 * that applies: outside the process limits, a trend of 7 rising or falling points, 2 of 3 points beyond the near
 * limit, a shift of 7 points on one side of the mean.
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
            return new SpcResult(List.of(), null, null);
        }

        double[] mean = new double[n];
        double[] meanMovingRange = new double[n];
        SpecialCause[] cause = new SpecialCause[n];
        int[] bounds = segmentBounds(n, options.rebaseIndexes());
        for (int s = 0; s + 1 < bounds.length; s++) {
            int from = bounds[s];
            int to = bounds[s + 1];
            calculateLimits(values, from, to, options, mean, meanMovingRange);
            labelSegment(values, from, to, mean[from], meanMovingRange[from], cause);
        }

        List<SpcPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double limit = LIMIT * meanMovingRange[i];
            double near = NEAR_LIMIT * meanMovingRange[i];
            points.add(new SpcPoint(i, values[i], mean[i], mean[i] - limit, mean[i] + limit, mean[i] - near,
                    mean[i] + near, cause[i], pointType(cause[i], options.direction())));
        }
        SpcPoint last = points.get(n - 1);
        return new SpcResult(points, last.pointType(), assurance(last, options));
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

    private static void calculateLimits(
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
    }

    /** Labels [from, to) by the rules in reverse precedence, each later rule overwriting the earlier. */
    private static void labelSegment(double[] x, int from, int to, double mean, double amr, SpecialCause[] cause) {
        Arrays.fill(cause, from, to, SpecialCause.NONE);
        labelShifts(x, from, to, mean, cause);
        labelTwoOfThree(x, from, to, mean, mean + NEAR_LIMIT * amr, mean - NEAR_LIMIT * amr, cause);
        labelTrends(x, from, to, cause);
        double upper = mean + LIMIT * amr;
        double lower = mean - LIMIT * amr;
        for (int i = from; i < to; i++) {
            if (x[i] > upper) {
                cause[i] = SpecialCause.ABOVE_UPPER_LIMIT;
            } else if (x[i] < lower) {
                cause[i] = SpecialCause.BELOW_LOWER_LIMIT;
            }
        }
    }

    /** Runs of at least 7 points strictly on one side of the mean; a point on the mean breaks the run. */
    private static void labelShifts(double[] x, int from, int to, double mean, SpecialCause[] cause) {
        int runStart = from;
        for (int i = from; i <= to; i++) {
            boolean runEnds = i == to || Math.signum(x[i] - mean) != Math.signum(x[runStart] - mean);
            if (runEnds) {
                int side = (int) Math.signum(x[runStart] - mean);
                if (side != 0 && i - runStart >= RUN_LENGTH) {
                    Arrays.fill(cause, runStart, i, side > 0 ? SpecialCause.SHIFT_HIGH : SpecialCause.SHIFT_LOW);
                }
                runStart = i;
            }
        }
    }

    /**
     * In any 3 consecutive points all strictly on the same side of the mean, when at least 2 are on or beyond
     * the near limit of that side, those points (not the one inside) are labelled.
     */
    private static void labelTwoOfThree(
            double[] x, int from, int to, double mean, double upperNear, double lowerNear, SpecialCause[] cause) {
        for (int w = from; w + 2 < to; w++) {
            int side = (int) Math.signum(x[w] - mean);
            if (side == 0
                    || (int) Math.signum(x[w + 1] - mean) != side
                    || (int) Math.signum(x[w + 2] - mean) != side) {
                continue;
            }
            int beyond = 0;
            for (int i = w; i < w + 3; i++) {
                if (side > 0 ? x[i] >= upperNear : x[i] <= lowerNear) {
                    beyond++;
                }
            }
            if (beyond >= 2) {
                for (int i = w; i < w + 3; i++) {
                    if (side > 0 && x[i] >= upperNear) {
                        cause[i] = SpecialCause.TWO_OF_THREE_HIGH;
                    } else if (side < 0 && x[i] <= lowerNear) {
                        cause[i] = SpecialCause.TWO_OF_THREE_LOW;
                    }
                }
            }
        }
    }

    /**
     * Runs of at least 7 points each strictly above (or below) the one before; a tie breaks the run. A point that
     * ends one trend and starts the opposite keeps the label of the trend it ends.
     */
    private static void labelTrends(double[] x, int from, int to, SpecialCause[] cause) {
        boolean[] labelled = new boolean[to - from];
        int runStart = from;
        int direction = 0;
        for (int i = from + 1; i <= to; i++) {
            int step = i == to ? 0 : (int) Math.signum(x[i] - x[i - 1]);
            if (step != 0 && step == direction) {
                continue;
            }
            int runEnd = i - 1; // inclusive
            if (direction != 0 && runEnd - runStart + 1 >= RUN_LENGTH) {
                SpecialCause trend = direction > 0 ? SpecialCause.TREND_INCREASING : SpecialCause.TREND_DECREASING;
                for (int j = runStart; j <= runEnd; j++) {
                    if (!labelled[j - from]) {
                        labelled[j - from] = true;
                        cause[j] = trend;
                    }
                }
            }
            runStart = i - 1;
            direction = step;
        }
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
        Double target = options.target();
        if (target == null || options.direction() == ImprovementDirection.NEUTRAL) {
            return null;
        }
        boolean higherIsBetter = options.direction() == ImprovementDirection.INCREASE;
        if (target > last.upperLimit()) {
            return higherIsBetter ? Assurance.CONSISTENT_FAIL : Assurance.CONSISTENT_PASS;
        }
        if (target < last.lowerLimit()) {
            return higherIsBetter ? Assurance.CONSISTENT_PASS : Assurance.CONSISTENT_FAIL;
        }
        return Assurance.INCONSISTENT;
    }
}
