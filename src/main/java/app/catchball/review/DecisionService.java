package app.catchball.review;

import app.catchball.base.ConflictException;
import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.metrics.CountermeasureStatus;
import app.catchball.metrics.MetricVerdict;
import app.catchball.metrics.MetricVerdictService;
import app.catchball.planning.A3Service;
import app.catchball.projects.ProjectService;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions and actions log of a unit's reviews. Everyone may read it; Leads of the unit (or
 * above) record and close its items. An open item is carried into every later review until it is
 * done or dropped; an overdue one is flagged on its owner's Home.
 */
@Service
@Transactional
public class DecisionService {

    private final ReviewQueries queries;
    private final PermissionService permissions;
    private final MetricVerdictService metrics;
    private final A3Service a3s;
    private final ProjectService projects;
    private final Clock clock;

    DecisionService(ReviewQueries queries, PermissionService permissions, MetricVerdictService metrics, A3Service a3s,
                    ProjectService projects, Clock clock) {
        this.queries = queries;
        this.permissions = permissions;
        this.metrics = metrics;
        this.a3s = a3s;
        this.projects = projects;
        this.clock = clock;
    }

    /** The log as the review of a month shows it: raised up to that month and still open, or closed in or after it. */
    @Transactional(readOnly = true)
    public List<Decision> decisions(long unitId, YearMonth month) {
        permissions.check(Action.VIEW, unitId);
        return queries.decisions(unitId, month, LocalDate.now(clock));
    }

    /** Whether the signed-in user may prepare and publish the unit's reviews (and so keep its log). */
    @Transactional(readOnly = true)
    public boolean mayPrepare(long unitId) {
        return permissions.may(Action.PREPARE_REVIEW, unitId);
    }

    /** What a decision of the unit may link to: its metrics, priorities, projects and open countermeasures. */
    @Transactional(readOnly = true)
    public List<DecisionLink> linkOptions(long unitId, long cycleId, YearMonth month) {
        permissions.check(Action.VIEW, unitId);
        List<DecisionLink> options = new ArrayList<>();
        List<MetricVerdict> verdicts = metrics.verdicts(unitId, cycleId, month);
        verdicts.forEach(v -> options.add(new DecisionLink(DecisionLink.Kind.METRIC, v.metric().id(), v.metric().label())));
        a3s.statuses(unitId, cycleId).forEach(p -> options.add(
                new DecisionLink(DecisionLink.Kind.PRIORITY, p.priorityId(), p.code() + " " + p.title())));
        projects.projectsOf(unitId, false).forEach(p -> options.add(
                new DecisionLink(DecisionLink.Kind.PROJECT, p.id(), "Project: " + p.title())));
        verdicts.forEach(v -> v.countermeasures().stream().filter(c -> c.status() != CountermeasureStatus.DONE)
                .forEach(c -> options.add(new DecisionLink(DecisionLink.Kind.COUNTERMEASURE, c.id(),
                        "Countermeasure (" + v.metric().code() + "): " + c.action()))));
        return options;
    }

    /** Records a decision or action raised in the review of a month. */
    public Decision add(long unitId, long cycleId, YearMonth month, DecisionDraft draft) {
        permissions.check(Action.PREPARE_REVIEW, unitId);
        if (month == null) {
            throw new RuleViolation("Please choose the review's month.");
        }
        if (queries.isPublished(unitId, month)) {
            throw new RuleViolation("The review of " + Formats.MONTH.format(month)
                    + " is published: record new decisions in a later month's review.");
        }
        validate(draft, DecisionStatus.OPEN);
        DecisionLink link = checkedLink(unitId, cycleId, month, draft.link());
        long id = queries.insertDecision(unitId, month, draft, link, permissions.requireUsername(),
                Timestamp.from(clock.instant()));
        return queries.decision(id, LocalDate.now(clock)).orElseThrow();
    }

    /** Changes a decision (its text, owner, due date or status) from the version the editor started from. */
    public Decision update(long decisionId, DecisionDraft draft, long expectedVersion) {
        Decision existing = queries.decision(decisionId, LocalDate.now(clock))
                .orElseThrow(() -> new RuleViolation("That decision does not exist."));
        permissions.check(Action.PREPARE_REVIEW, existing.unitId());
        validate(draft, draft.status());
        LocalDate closedOn = draft.status() == DecisionStatus.OPEN ? null
                : existing.status() == draft.status() ? existing.closedOn() : LocalDate.now(clock);
        if (!queries.updateDecision(decisionId, draft, closedOn, expectedVersion, permissions.requireUsername(),
                Timestamp.from(clock.instant()))) {
            throw new ConflictException("This decision was changed by someone else in the meantime. Reload and try again.");
        }
        return queries.decision(decisionId, LocalDate.now(clock)).orElseThrow();
    }

    /** The signed-in user's open decisions and actions past their due date, oldest first. */
    @Transactional(readOnly = true)
    public List<OverdueAction> overdueForMe() {
        return queries.overdueFor(permissions.requireUsername(), LocalDate.now(clock));
    }

    private DecisionLink checkedLink(long unitId, long cycleId, YearMonth month, DecisionLink link) {
        if (link == null) {
            return null;
        }
        return linkOptions(unitId, cycleId, month).stream()
                .filter(o -> o.kind() == link.kind() && o.id() == link.id()).findFirst()
                .orElseThrow(() -> new RuleViolation("A decision links only to a metric, priority, project or open "
                        + "countermeasure of this unit."));
    }

    private static void validate(DecisionDraft draft, DecisionStatus status) {
        if (draft.text() == null || draft.text().isBlank()) {
            throw new RuleViolation("Please write the decision or action.");
        }
        if (draft.text().length() > 2000) {
            throw new RuleViolation("A decision or action has at most 2,000 characters.");
        }
        if (draft.ownerUserId() == null) {
            throw new RuleViolation("Please choose the owner.");
        }
        if (draft.dueDate() == null) {
            throw new RuleViolation("Please give a due date.");
        }
        if (status == null) {
            throw new RuleViolation("Please choose the status: open, done or dropped.");
        }
    }
}
