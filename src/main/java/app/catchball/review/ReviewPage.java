package app.catchball.review;

import java.time.Instant;
import java.util.List;

/**
 * A unit's review of a month as its page shows it: a published review shows its frozen snapshot
 * and what has changed since ({@code changedSincePublished}); otherwise the content is live.
 */
public record ReviewPage(ReviewContent content, ReviewState state, Instant publishedAt, String publishedBy, long version,
                         List<String> changedSincePublished, boolean mayPrepare) {
}
