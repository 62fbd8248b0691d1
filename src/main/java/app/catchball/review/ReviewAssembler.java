package app.catchball.review;

import app.catchball.base.Formats;
import app.catchball.base.UnitRef;
import app.catchball.catchball.CatchballRules;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.InboxRow;
import app.catchball.metrics.Annotation;
import app.catchball.metrics.AnnotationService;
import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.Commentary;
import app.catchball.metrics.CommentaryService;
import app.catchball.metrics.CountermeasureStatus;
import app.catchball.metrics.CountermeasureView;
import app.catchball.metrics.MdcIcons;
import app.catchball.metrics.MetricVerdict;
import app.catchball.metrics.MetricVerdictService;
import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import app.catchball.metrics.spc.SpcChartNotes;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.CascadeStatus;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.Party;
import app.catchball.planning.PriorityStatus;
import app.catchball.planning.A3Service;
import app.catchball.review.ReviewContent.BelowLine;
import app.catchball.review.ReviewContent.Cell;
import app.catchball.review.ReviewContent.CountermeasureLine;
import app.catchball.review.ReviewContent.DecisionLine;
import app.catchball.review.ReviewContent.MetricLine;
import app.catchball.review.ReviewContent.PriorityLine;
import app.catchball.review.ReviewContent.ThreadLine;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds a unit's review of a month from the current data, through the other features' services:
 * the bowling chart and SPC verdicts (metrics), catchball threads, the priorities' A3 status
 * (planning), the units below and the decisions log.
 */
@Component
class ReviewAssembler {

    /** How many units below a review looks into for their exceptions. */
    static final int MAX_UNITS_BELOW = 25;
    private static final int CHART_WIDTH = 900;
    private static final int CHART_HEIGHT = 360;

    private final OrganisationService organisation;
    private final CycleService cycles;
    private final MetricVerdictService metrics;
    private final CatchballService catchball;
    private final A3Service a3s;
    private final DecisionService decisions;
    private final CommentaryService commentary;
    private final AnnotationService annotations;

    ReviewAssembler(OrganisationService organisation, CycleService cycles, MetricVerdictService metrics, CatchballService catchball,
                    A3Service a3s, DecisionService decisions, CommentaryService commentary, AnnotationService annotations) {
        this.commentary = commentary;
        this.annotations = annotations;
        this.organisation = organisation;
        this.cycles = cycles;
        this.metrics = metrics;
        this.catchball = catchball;
        this.a3s = a3s;
        this.decisions = decisions;
    }

    /** The cycle whose months include the month, if any. */
    Optional<CycleSummary> cycleOf(YearMonth month) {
        return cycles.cycles().stream().filter(c -> !month.atDay(1).isBefore(c.firstMonth())
                && !month.atDay(1).isAfter(c.lastMonth())).findFirst();
    }

    ReviewContent build(long unitId, YearMonth month, String summary) {
        UnitNode unit = organisation.get(unitId);
        String path = organisation.paths(List.of(unitId)).getOrDefault(unitId, unit.name());
        String trust = organisation.ancestors(unitId).stream().findFirst().map(UnitNode::name).orElse(unit.name());
        Optional<CycleSummary> cycle = cycleOf(month);
        List<MetricLine> lines = new ArrayList<>();
        List<CountermeasureLine> countermeasures = new ArrayList<>();
        List<PriorityLine> priorities = new ArrayList<>();
        List<BelowLine> below = new ArrayList<>();
        String rollUp = null;
        if (cycle.isPresent()) {
            long cycleId = cycle.get().id();
            List<MetricVerdict> verdicts = metrics.verdicts(unitId, cycleId, month);
            List<Long> ids = verdicts.stream().map(v -> v.metric().id()).toList();
            Map<Long, Commentary> comments = commentary.ofMonth(unitId, ids, month);
            Map<Long, List<Annotation>> notes = annotations.annotationsOf(unitId, ids);
            for (MetricVerdict verdict : verdicts) {
                lines.add(line(verdict, month, comments.get(verdict.metric().id()),
                        notes.getOrDefault(verdict.metric().id(), List.of())));
                verdict.countermeasures().stream()
                        .filter(c -> c.status() != CountermeasureStatus.DONE && c.dueDate() != null
                                && !c.dueDate().isAfter(month.atEndOfMonth()))
                        .forEach(c -> countermeasures.add(new CountermeasureLine(c.id(), verdict.metric().label(), c.action(),
                                c.ownerName(), c.dueDate(), status(c.status()), c.overdue())));
            }
            List<PriorityStatus> statuses = a3s.statuses(unitId, cycleId);
            statuses.forEach(p -> priorities.add(new PriorityLine(p.priorityId(), p.code(), p.title(),
                    p.status() == null ? null : p.status().label(), p.percentComplete())));
            rollUp = PriorityStatus.rollUp(statuses);
            for (UnitRef child : metrics.unitsWithMetricsBelow(unitId, cycleId, MAX_UNITS_BELOW)) {
                for (MetricVerdict verdict : metrics.verdicts(child.id(), cycleId, month)) {
                    List<String> reasons = reasons(verdict, month);
                    if (!reasons.isEmpty()) {
                        below.add(new BelowLine(child.id(), child.shortCode(), child.name(), verdict.metric().label(), reasons));
                    }
                }
            }
        }
        List<DecisionLine> log = decisions.decisions(unitId, month).stream()
                .map(d -> new DecisionLine(d.id(), d.text(), d.ownerName(), d.dueDate(), d.status().label(),
                        d.link() == null ? null : d.link().label(), d.month(), d.overdue())).toList();
        return new ReviewContent(ReviewContent.SCHEMA, unitId, unit.shortCode(), unit.name(), path, trust, month,
                cycle.map(CycleSummary::name).orElse(null), lines, countermeasures, waitingOn(unitId), priorities, rollUp,
                below, log, summary);
    }

    private List<ThreadLine> waitingOn(long unitId) {
        Set<CascadeStatus> open = Set.of(CascadeStatus.PROPOSED, CascadeStatus.QUERIED, CascadeStatus.COUNTERED,
                CascadeStatus.DECLINED);
        List<ThreadLine> threads = new ArrayList<>();
        for (InboxRow row : catchball.inbox(null, unitId)) {
            Optional<Party> turn = CatchballRules.turn(row.status(), row.initiator());
            long waiting = turn.map(p -> p == Party.PARENT ? row.parentUnitId() : row.childUnitId()).orElse(-1L);
            if (open.contains(row.status()) && waiting == unitId) {
                threads.add(new ThreadLine(row.linkId(), row.title(), row.between(), label(row.status().name())));
            }
        }
        return threads;
    }

    private static MetricLine line(MetricVerdict verdict, YearMonth month, Commentary comment, List<Annotation> notes) {
        List<Cell> cells = verdict.cells().stream().map(ReviewAssembler::cell).toList();
        String countermeasure = verdict.countermeasures().stream().filter(c -> c.status() != CountermeasureStatus.DONE)
                .findFirst().map(ReviewAssembler::countermeasureText).orElse(null);
        List<String> reasons = reasons(verdict, month);
        String chart = reasons.isEmpty() || verdict.spc() == null ? null : SpcChartNotes.svg(verdict.spc(),
                verdict.periods().stream().map(Formats.MONTH::format).toList(), verdict.metric().label(),
                verdict.metric().unitOfMeasure(), verdict.metric().target() == null ? null : verdict.metric().target().doubleValue(),
                CHART_WIDTH, CHART_HEIGHT, AnnotationService.markers(verdict.periods(), verdict.metric().frequency(), notes));
        return new MetricLine(verdict.metric().id(), verdict.metric().label(), verdict.metric().unitOfMeasure(),
                verdict.metric().target(), cells, variation(verdict.variation()), assurance(verdict.assurance()),
                reasons, comment == null ? null : comment.text(), countermeasure, chart,
                verdict.spc() == null ? null : MdcIcons.variationSvg(verdict.variation(), verdict.metric().direction()),
                verdict.spc() == null ? null : MdcIcons.assuranceSvg(verdict.assurance()));
    }

    private static Cell cell(BowlingChart.Cell c) {
        return new Cell(c.month(), c.actual(), c.target(), c.rag().name());
    }

    /**
     * Why a metric is an exception in the month: the reasons it asks for a countermeasure (special-cause
     * concern, failing assurance, and "Red N periods running" where the trust switched it on).
     */
    static List<String> reasons(MetricVerdict verdict, YearMonth month) {
        return verdict.reasons();
    }

    static String variation(PointType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case COMMON_CAUSE -> "Common cause";
            case SPECIAL_CAUSE_IMPROVEMENT -> "Special-cause improvement";
            case SPECIAL_CAUSE_CONCERN -> "Special-cause concern";
            case SPECIAL_CAUSE_NEUTRAL_HIGH -> "Special cause (high)";
            case SPECIAL_CAUSE_NEUTRAL_LOW -> "Special cause (low)";
        };
    }

    static String assurance(Assurance assurance) {
        if (assurance == null) {
            return null;
        }
        return switch (assurance) {
            case CONSISTENT_PASS -> "Consistently passes the target";
            case CONSISTENT_FAIL -> "Consistently fails the target";
            case INCONSISTENT -> "Hit and miss";
        };
    }

    private static String countermeasureText(CountermeasureView c) {
        return c.action() + (c.ownerName() == null ? "" : " (" + c.ownerName() + ")")
                + (c.dueDate() == null ? "" : ", due " + Formats.DAY.format(c.dueDate()));
    }

    private static String status(CountermeasureStatus status) {
        return label(status.name());
    }

    private static String label(String name) {
        String words = name.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
