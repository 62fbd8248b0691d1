package app.catchball.metrics.spc;

import java.util.List;
import java.util.Objects;

/**
 * How to analyse a series.
 *
 * @param direction which way is better; never null
 * @param target the target to judge assurance against, or null for none
 * @param screenOutliers drop moving ranges of at least 3.267 times the mean moving range before computing limits
 * @param fixAfterNPoints compute each segment's mean and limits from its first N points only (N &gt;= 12), or null
 * @param rebaseIndexes indexes where a new segment starts; indexes &lt;= 0, beyond the series, or repeated are ignored
 */
public record SpcOptions(
        ImprovementDirection direction,
        Double target,
        boolean screenOutliers,
        Integer fixAfterNPoints,
        List<Integer> rebaseIndexes) {

    /** The fewest points NHSRplotthedots allows limits to be fixed on. */
    public static final int MIN_FIX_AFTER_N_POINTS = 12;

    public SpcOptions {
        Objects.requireNonNull(direction, "direction");
        if (target != null && !Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be a finite number, was " + target);
        }
        if (fixAfterNPoints != null && fixAfterNPoints < MIN_FIX_AFTER_N_POINTS) {
            throw new IllegalArgumentException("fixAfterNPoints must be at least " + MIN_FIX_AFTER_N_POINTS
                    + " (limits need enough points to be meaningful), was " + fixAfterNPoints);
        }
        rebaseIndexes = rebaseIndexes == null
                ? List.of()
                : rebaseIndexes.stream().filter(Objects::nonNull).toList();
    }

    /** No target, outliers screened, limits not fixed, no rebasing. */
    public static SpcOptions defaults(ImprovementDirection direction) {
        return new SpcOptions(direction, null, true, null, List.of());
    }
}
