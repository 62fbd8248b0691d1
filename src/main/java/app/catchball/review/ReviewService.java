package app.catchball.review;

import app.catchball.base.ConflictException;
import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.review.ReviewQueries.ReviewRow;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly review of a unit. Everyone may read it; Leads of the unit (or above) prepare it (its
 * summary, the decisions log) and publish it. Publishing freezes a snapshot that later corrections
 * never alter (the database refuses any change to a published review); the page then shows what
 * has changed since.
 */
@Service
@Transactional
public class ReviewService {

    static final int MAX_SUMMARY = 8000;

    private final ReviewQueries queries;
    private final ReviewAssembler assembler;
    private final PermissionService permissions;
    private final Clock clock;

    private final ReviewPdf pdf;

    ReviewService(ReviewQueries queries, ReviewAssembler assembler, PermissionService permissions, Clock clock, ReviewPdf pdf) {
        this.pdf = pdf;
        this.queries = queries;
        this.assembler = assembler;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** The review as its page shows it: the snapshot and the changes since, once published; the live review before. */
    @Transactional(readOnly = true)
    public ReviewPage page(long unitId, YearMonth month) {
        permissions.check(Action.VIEW, unitId);
        checkMonth(month);
        Optional<ReviewRow> row = queries.review(unitId, month);
        boolean mayPrepare = permissions.may(Action.PREPARE_REVIEW, unitId);
        if (row.isPresent() && "PUBLISHED".equals(row.get().status())) {
            ReviewContent snapshot = ReviewQueries.content(row.get().snapshot());
            ReviewContent now = assembler.build(unitId, month, snapshot.summary());
            return new ReviewPage(snapshot, ReviewState.PUBLISHED, row.get().publishedAt(), row.get().publishedBy(),
                    row.get().version(), ReviewDiff.changes(snapshot, now), mayPrepare);
        }
        ReviewContent live = assembler.build(unitId, month, row.map(ReviewRow::summary).orElse(null));
        return new ReviewPage(live, row.isPresent() ? ReviewState.DRAFT : ReviewState.NOT_STARTED, null, null,
                row.map(ReviewRow::version).orElse(0L), List.of(), mayPrepare);
    }

    /** What the review's PDF shows: the snapshot of a published review, else the live review. */
    @Transactional(readOnly = true)
    public ReviewContent content(long unitId, YearMonth month) {
        return page(unitId, month).content();
    }

    /** The board pack of the review: an A4 landscape PDF; a published review's is built from its snapshot. */
    @Transactional(readOnly = true)
    public byte[] pdf(long unitId, YearMonth month) {
        return pdf.render(page(unitId, month));
    }

    /** The cycle id of the month, for the screens that offer links to a review's items; empty outside every cycle. */
    @Transactional(readOnly = true)
    public Optional<Long> cycleOf(YearMonth month) {
        permissions.checkView();
        return assembler.cycleOf(month).map(c -> c.id());
    }

    /** Saves the summary (the review's commentary) of a draft, starting the draft when there is none. */
    public ReviewPage saveSummary(long unitId, YearMonth month, String summary, long expectedVersion) {
        permissions.check(Action.PREPARE_REVIEW, unitId);
        checkMonth(month);
        refuseWhenPublished(unitId, month);
        String text = summary == null || summary.isBlank() ? null : summary.strip();
        if (text != null && text.length() > MAX_SUMMARY) {
            throw new RuleViolation("The summary has at most 8,000 characters.");
        }
        if (!queries.saveSummary(unitId, month, text, expectedVersion, permissions.requireUsername(),
                Timestamp.from(clock.instant()))) {
            throw new ConflictException("This review was changed by someone else in the meantime. Reload and try again.");
        }
        return page(unitId, month);
    }

    /** Publishes the review: freezes what it shows now, for ever. */
    public ReviewPage publish(long unitId, YearMonth month, long expectedVersion) {
        permissions.check(Action.PREPARE_REVIEW, unitId);
        checkMonth(month);
        refuseWhenPublished(unitId, month);
        if (month.isAfter(YearMonth.now(clock))) {
            throw new RuleViolation("The review of " + Formats.MONTH.format(month) + " can be published once that month has begun.");
        }
        String summary = queries.review(unitId, month).map(ReviewRow::summary).orElse(null);
        ReviewContent content = assembler.build(unitId, month, summary);
        if (!queries.publish(unitId, month, content, expectedVersion, permissions.requireUsername(),
                Timestamp.from(clock.instant()))) {
            throw new ConflictException("This review was changed by someone else in the meantime. Reload and try again.");
        }
        return page(unitId, month);
    }

    private void refuseWhenPublished(long unitId, YearMonth month) {
        if (queries.isPublished(unitId, month)) {
            throw new RuleViolation("The review of " + Formats.MONTH.format(month) + " is published and cannot change.");
        }
    }

    private static void checkMonth(YearMonth month) {
        if (month == null) {
            throw new RuleViolation("Please choose the review's month.");
        }
        if (month.getYear() < 2000 || month.getYear() > 2999) {
            throw new RuleViolation("There is no review for " + Formats.MONTH.format(month) + ".");
        }
    }
}
