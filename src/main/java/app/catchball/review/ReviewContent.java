package app.catchball.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What a unit's review of a month shows: built live from the current data while the review is a
 * draft, and frozen as the published review's snapshot (stored as JSON). Later issues add fields
 * (trajectories, icons, commentary): an older snapshot simply reads them as null, and fields a
 * snapshot has that this class no longer knows are ignored. {@code schema} counts such changes.
 */
public record ReviewContent(int schema, long unitId, String unitCode, String unitName, String unitPath, String trustName,
                            YearMonth month, String cycleName, List<MetricLine> metrics, List<CountermeasureLine> countermeasures,
                            List<ThreadLine> waiting, List<PriorityLine> priorities, String priorityRollUp,
                            List<BelowLine> below, List<DecisionLine> decisions, String summary) {

    public static final int SCHEMA = 1;

    public ReviewContent {
        metrics = list(metrics);
        countermeasures = list(countermeasures);
        waiting = list(waiting);
        priorities = list(priorities);
        below = list(below);
        decisions = list(decisions);
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The metrics that are exceptions this month. */
    public List<MetricLine> exceptions() {
        return metrics.stream().filter(m -> !m.exceptionReasons().isEmpty()).toList();
    }

    /**
     * A metric's row: its cells up to the month, its SPC verdicts and why it is an exception (empty when
     * it is not); an exception keeps its SPC chart as it was drawn ({@code chart}, SVG) for the board pack, and
     * every metric its Making Data Count icons ({@code variationIcon}, {@code assuranceIcon}: SVG, null without values).
     */
    public record MetricLine(long metricId, String label, String unitOfMeasure, BigDecimal target, List<Cell> cells,
                             String variation, String assurance, List<String> exceptionReasons, String commentary,
                             String countermeasure, String chart, String variationIcon, String assuranceIcon) {
        public MetricLine {
            cells = list(cells);
            exceptionReasons = list(exceptionReasons);
        }

        /** The cell of the month, if the row has one. */
        public Cell cell(YearMonth month) {
            return cells.stream().filter(c -> month.equals(c.month())).findFirst().orElse(null);
        }
    }

    /** A bowling chart cell: the actual against the target (or trajectory), and its colour ("GREEN", "AMBER", "RED", "GREY"). */
    public record Cell(YearMonth month, BigDecimal actual, BigDecimal target, String colour) {
    }

    /** The letter shown with a cell's colour ("G", "A", "R"; none for grey or no cell), so colour never stands alone. */
    public static String letter(String colour) {
        return colour == null ? "" : switch (colour) {
            case "GREEN" -> "G";
            case "AMBER" -> "A";
            case "RED" -> "R";
            default -> "";
        };
    }

    public record CountermeasureLine(long id, String metric, String action, String owner, LocalDate due, String status,
                                     boolean overdue) {
    }

    /** A catchball thread waiting on this unit. */
    public record ThreadLine(long linkId, String title, String between, String status) {
    }

    /** A priority with its A3 status ("On track", …) or null while it has no A3. */
    public record PriorityLine(long priorityId, String code, String title, String status, Integer percentComplete) {
    }

    /** An exception of a unit below, which links to that unit's review. */
    public record BelowLine(long unitId, String unitCode, String unitName, String metric, List<String> reasons) {
        public BelowLine {
            reasons = list(reasons);
        }
    }

    public record DecisionLine(long id, String text, String owner, LocalDate due, String status, String link,
                               YearMonth raised, boolean overdue) {
    }
}
