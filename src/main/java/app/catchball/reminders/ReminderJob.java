package app.catchball.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gathers what is due from every {@link ReminderSource}, records what is new (once per person, item
 * and period) and resolves what is no longer due, in one transaction; each person with something new
 * gets one {@link RemindersRecorded} event, which the mailer handles after the commit. Scheduled every
 * morning ({@code catchball.reminders.cron}, London time) and once after start-up; on several
 * application nodes only the node holding the {@code reminders} lock (ShedLock, table {@code shedlock})
 * runs it, and the unique key on {@code reminder} keeps even overlapping runs from recording twice.
 */
@Component
public class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    /** What a run did: reminders recorded new, reminders resolved. */
    public record Outcome(int recorded, int resolved) {
    }

    private final List<ReminderSource> sources;
    private final ReminderQueries queries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReminderJob(List<ReminderSource> sources, ReminderQueries queries, ApplicationEventPublisher events,
                PlatformTransactionManager transactionManager, Clock clock) {
        this.sources = sources;
        this.queries = queries;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The scheduled run: once across all nodes (the lock), for today. */
    @Scheduled(cron = "${catchball.reminders.cron:0 0 6 * * *}", zone = "Europe/London")
    @SchedulerLock(name = "reminders", lockAtMostFor = "PT30M")
    public void run() {
        Outcome outcome = remind(LocalDate.now(clock));
        log.info("Reminders: {} new, {} resolved", outcome.recorded(), outcome.resolved());
    }

    /** One run for the given day, without the cluster lock: {@link #run()} is the one to schedule. */
    public Outcome remind(LocalDate today) {
        return transaction.execute(status -> {
            Map<DueItem.Key, DueItem> due = new LinkedHashMap<>();
            for (ReminderSource source : sources) {
                source.dueItems(today).forEach(item -> due.putIfAbsent(item.key(), item));
            }
            Instant now = clock.instant();
            List<DueItem> ordered = due.values().stream()
                    .sorted(Comparator.comparingLong(DueItem::userId).thenComparing(DueItem::kind)
                            .thenComparingLong(DueItem::itemId).thenComparing(DueItem::period))
                    .toList();
            Map<Long, List<Long>> recorded = queries.record(ordered, now);
            int resolved = queries.resolveAllBut(due.keySet(), now);
            recorded.forEach((userId, ids) -> events.publishEvent(new RemindersRecorded(userId, ids)));
            return new Outcome(recorded.values().stream().mapToInt(List::size).sum(), resolved);
        });
    }
}
