package app.catchball.base.jobs;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A clean-up job, once per cluster ({@link JobLocks}), for the event publication registry (table
 * {@code event_publication}, V17): work after a commit (mail) that has not completed an hour after
 * it was published (its mail server was down, or its node died mid-way) is handed out again, and
 * completed publications older than {@code catchball.jobs.completed-events-kept} (7 days) go.
 */
@Component
class EventPublicationCleanUp {

    private final CompletedEventPublications completed;
    private final IncompleteEventPublications incomplete;
    private final Duration keepCompleted;
    private final Duration retryAfter;

    EventPublicationCleanUp(CompletedEventPublications completed, IncompleteEventPublications incomplete,
                            @Value("${catchball.jobs.completed-events-kept:7d}") Duration keepCompleted,
                            @Value("${catchball.jobs.retry-events-after:1h}") Duration retryAfter) {
        this.completed = completed;
        this.incomplete = incomplete;
        this.keepCompleted = keepCompleted;
        this.retryAfter = retryAfter;
    }

    @Scheduled(cron = "${catchball.jobs.clean-up.cron:0 17 * * * *}")
    @SchedulerLock(name = "event-publication-clean-up", lockAtMostFor = "PT10M")
    void retryStuckAndForgetOldEvents() {
        incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
