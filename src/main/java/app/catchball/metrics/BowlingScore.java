package app.catchball.metrics;

import app.catchball.planning.Direction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores one metric's row of the bowling chart by its {@link BowlingRule}: each month's actual
 * (its values aggregated), compared with that month's trajectory or else the metric's target, and
 * the year to date by the same aggregation, compared with the year to date of the trajectory.
 * Pure arithmetic: the values come in, nothing is read.
 *
 * <ul>
 *   <li>Months: SUM totals a month's values, MEAN averages them, LATEST takes the last, RATIO is
 *   100 × the numerator's total ÷ the denominator's total (no data when either has none or the
 *   denominator totals zero).</li>
 *   <li>Year to date, over the months with data: SUM totals the months and their targets (an
 *   absolute tolerance widens by month); MEAN averages both; LATEST is the last month with data;
 *   RATIO is 100 × Σ numerator ÷ Σ denominator against the targets weighted by each month's
 *   denominator (the numerator the trajectory planned for the denominator there was).</li>
 *   <li>Colour: green meets the target in the direction of improvement; amber misses it by no more
 *   than the tolerance (absolute, or a percentage of the target); red misses it by more; grey has
 *   no data, no target or no direction.</li>
 * </ul>
 */
final class BowlingScore {

    private static final MathContext DIVISION = new MathContext(12, RoundingMode.HALF_UP);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BowlingScore() {
    }

    record Scored(List<BowlingChart.Cell> cells, BowlingChart.Cell yearToDate) {
    }

    /**
     * @param trajectory the metric's planned value per month (months without one are judged against the target)
     * @param values     the stored values of the metric and of its ratio's parts, by metric id, oldest first
     */
    static Scored score(MetricInfo metric, BowlingRule rule, List<YearMonth> months, Map<YearMonth, BigDecimal> trajectory,
                        Map<Long, List<MetricValueView>> values) {
        boolean ratio = rule.aggregation() == Aggregation.RATIO;
        Map<YearMonth, BigDecimal> actuals = ratio ? null : byMonth(rule.aggregation(), values.getOrDefault(metric.id(), List.of()));
        Map<YearMonth, BigDecimal> numerators = ratio ? byMonth(Aggregation.SUM, values.getOrDefault(rule.numeratorId(), List.of())) : null;
        Map<YearMonth, BigDecimal> denominators = ratio ? byMonth(Aggregation.SUM, values.getOrDefault(rule.denominatorId(), List.of())) : null;
        List<BowlingChart.Cell> cells = new ArrayList<>();
        List<BigDecimal> ytdActuals = new ArrayList<>();
        List<BigDecimal> ytdTargets = new ArrayList<>();
        List<BigDecimal> ytdNumerators = new ArrayList<>();
        List<BigDecimal> ytdDenominators = new ArrayList<>();
        for (YearMonth month : months) {
            BigDecimal target = trajectory.getOrDefault(month, metric.target());
            BigDecimal actual;
            if (ratio) {
                BigDecimal n = numerators.get(month);
                BigDecimal d = denominators.get(month);
                actual = n == null || d == null || d.signum() == 0 ? null : percent(n, d);
                if (actual != null) {
                    ytdNumerators.add(n);
                    ytdDenominators.add(d);
                }
            } else {
                actual = actuals.get(month);
            }
            if (actual != null) {
                ytdActuals.add(actual);
                ytdTargets.add(target);
            }
            cells.add(new BowlingChart.Cell(month, target, scale(actual),
                    rag(metric.direction(), target, actual, band(rule, target, 1))));
        }
        return new Scored(cells, yearToDate(metric, rule, ytdActuals, ytdTargets, ytdNumerators, ytdDenominators));
    }

    private static BowlingChart.Cell yearToDate(MetricInfo metric, BowlingRule rule, List<BigDecimal> actuals,
                                                List<BigDecimal> targets, List<BigDecimal> numerators, List<BigDecimal> denominators) {
        if (actuals.isEmpty()) {
            return new BowlingChart.Cell(null, metric.target(), null, Rag.GREY);
        }
        boolean anyTargetMissing = targets.stream().anyMatch(t -> t == null);
        BigDecimal actual;
        BigDecimal target;
        switch (rule.aggregation()) {
            case SUM -> {
                actual = sum(actuals);
                target = anyTargetMissing ? null : sum(targets);
            }
            case LATEST -> {
                actual = actuals.getLast();
                target = targets.getLast();
            }
            case RATIO -> {
                BigDecimal denominator = sum(denominators);
                actual = percent(sum(numerators), denominator);
                if (anyTargetMissing) {
                    target = null;
                } else {
                    BigDecimal weighted = BigDecimal.ZERO;
                    for (int i = 0; i < targets.size(); i++) {
                        weighted = weighted.add(targets.get(i).multiply(denominators.get(i)));
                    }
                    target = weighted.divide(denominator, DIVISION);
                }
            }
            default -> {
                actual = mean(actuals);
                target = anyTargetMissing ? null : mean(targets);
            }
        }
        return new BowlingChart.Cell(null, scale(target), scale(actual),
                rag(metric.direction(), target, actual, band(rule, target, actuals.size())));
    }

    /** Each month's values aggregated by the rule (SUM, MEAN or LATEST), by month. */
    static Map<YearMonth, BigDecimal> byMonth(Aggregation aggregation, List<MetricValueView> values) {
        Map<YearMonth, List<BigDecimal>> grouped = new TreeMap<>();
        for (MetricValueView v : values) {
            grouped.computeIfAbsent(YearMonth.from(v.period()), k -> new ArrayList<>()).add(v.value());
        }
        Map<YearMonth, BigDecimal> months = new TreeMap<>();
        grouped.forEach((month, list) -> months.put(month, switch (aggregation) {
            case SUM -> sum(list);
            case LATEST -> list.getLast();
            default -> mean(list);
        }));
        return months;
    }

    /**
     * How far below (or above, when lower is better) the target is still amber: the tolerance, or
     * that percentage of the target; for a total over several months an absolute tolerance counts
     * once per month. Null: no amber band.
     */
    static BigDecimal band(BowlingRule rule, BigDecimal target, int months) {
        if (rule.tolerance() == null || rule.tolerance().signum() == 0 || target == null) {
            return null;
        }
        if (rule.tolerancePercent()) {
            return target.abs().multiply(rule.tolerance()).divide(HUNDRED, DIVISION);
        }
        return rule.aggregation() == Aggregation.SUM ? rule.tolerance().multiply(BigDecimal.valueOf(months)) : rule.tolerance();
    }

    /**
     * Green when the actual meets the target in the direction of improvement; amber when it misses
     * by no more than the band; red otherwise; grey without data, target or direction.
     */
    static Rag rag(Direction direction, BigDecimal target, BigDecimal actual, BigDecimal band) {
        if (actual == null || target == null || direction == null || direction == Direction.NEUTRAL) {
            return Rag.GREY;
        }
        int cmp = actual.compareTo(target);
        if (direction == Direction.UP ? cmp >= 0 : cmp <= 0) {
            return Rag.GREEN;
        }
        return band != null && actual.subtract(target).abs().compareTo(band) <= 0 ? Rag.AMBER : Rag.RED;
    }

    private static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        return numerator.multiply(HUNDRED).divide(denominator, DIVISION);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return sum(values).divide(BigDecimal.valueOf(values.size()), DIVISION);
    }

    static BigDecimal scale(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
