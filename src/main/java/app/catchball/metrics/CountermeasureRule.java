package app.catchball.metrics;

import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import java.util.ArrayList;
import java.util.List;

/**
 * When a metric asks its owner for a countermeasure, the Making Data Count way: its latest point is a
 * special-cause concern, or its assurance is "consistently fails the target". Common-cause, hit-and-miss
 * variation asks for none, however red the month. A trust's Admin may also switch on "Red N periods
 * running" (off by default): the latest N months with data, one after the other, all red.
 *
 * @param redRunOn whether "Red N periods running" asks for a countermeasure too
 * @param redRunPeriods N
 */
public record CountermeasureRule(boolean redRunOn, int redRunPeriods) {

    public static final int MIN_PERIODS = 2;
    public static final int MAX_PERIODS = 12;
    /** The trust's rule when its Admin never changed it. */
    public static final CountermeasureRule DEFAULT = new CountermeasureRule(false, MIN_PERIODS);

    public static final String CONCERN = "Special-cause concern";
    public static final String FAILS = "Consistently fails the target";

    /** "Red 3 periods running". */
    public String redRunText() {
        return "Red " + redRunPeriods + " periods running";
    }

    /**
     * Why the metric asks for a countermeasure (empty: it does not), from the SPC verdicts of its latest
     * point and, when the option is on, its bowling chart cells (months in order).
     */
    public List<String> reasons(PointType variation, Assurance assurance, List<BowlingChart.Cell> cells) {
        List<String> reasons = new ArrayList<>();
        if (variation == PointType.SPECIAL_CAUSE_CONCERN) {
            reasons.add(CONCERN);
        }
        if (assurance == Assurance.CONSISTENT_FAIL) {
            reasons.add(FAILS);
        }
        if (redRunOn && redRun(cells)) {
            reasons.add(redRunText());
        }
        return reasons;
    }

    /** The reasons joined ("Special-cause concern; Consistently fails the target"), or null when there are none. */
    public String reason(PointType variation, Assurance assurance, List<BowlingChart.Cell> cells) {
        List<String> reasons = reasons(variation, assurance, cells);
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private boolean redRun(List<BowlingChart.Cell> cells) {
        List<BowlingChart.Cell> withData = cells.stream().filter(c -> c.actual() != null).toList();
        if (withData.size() < redRunPeriods) {
            return false;
        }
        List<BowlingChart.Cell> latest = withData.subList(withData.size() - redRunPeriods, withData.size());
        for (int i = 0; i < latest.size(); i++) {
            if (latest.get(i).rag() != Rag.RED || i > 0 && !latest.get(i - 1).month().plusMonths(1).equals(latest.get(i).month())) {
                return false;
            }
        }
        return true;
    }
}
