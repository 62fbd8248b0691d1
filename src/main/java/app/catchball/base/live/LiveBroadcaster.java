package app.catchball.base.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one broadcaster of committed changes to the open screens of this node. Services publish
 * {@link LiveEvent}s; after the commit (never for a rolled-back change) each subscriber whose filter
 * the change concerns is told, on the broadcaster's own thread, with bursts coalesced: at most one
 * call per subscriber per {@link #WINDOW}, carrying every change since the last. Changes from other
 * nodes arrive through {@link #deliver} ({@link LiveListener}).
 * <p>
 * The after-commit hook is registered by hand rather than with {@code @TransactionalEventListener},
 * so that screen refreshes never enter an event publication registry: they are worth nothing after
 * a restart.
 */
@Component
public class LiveBroadcaster implements DisposableBean {

    /** At most one refresh per screen in this time. */
    public static final Duration WINDOW = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(LiveBroadcaster.class);

    private final String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "catchball-live");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProvider<UnitAncestry> ancestry;

    LiveBroadcaster(ObjectProvider<UnitAncestry> ancestry) {
        this.ancestry = ancestry;
    }

    /** This node's id: notifications it sent itself come back with it and are ignored. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Subscribes to the changes the filter says concern the subscriber. {@code onChanges} runs on the
     * broadcaster's thread (a screen hands it to {@code ui.access}), at most once per {@link #WINDOW},
     * with the changes since its last call. Close the returned subscription when done (on detach).
     */
    public AutoCloseable subscribe(Predicate<LiveChange> concerns, Consumer<List<LiveChange>> onChanges) {
        Subscription s = new Subscription(concerns, onChanges);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    @EventListener
    void published(LiveEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(event);
                }
            });
        } else {
            deliver(event);
        }
    }

    /** Hands a committed change to the subscribers it concerns (from this node or another). */
    public void deliver(LiveEvent event) {
        dispatch(new LiveChange(event, this::ancestorsOf));
    }

    /** Tells every subscriber that changes may have been missed (the listening connection was down). */
    void resyncAll() {
        dispatch(LiveChange.resyncAll());
    }

    private void dispatch(LiveChange change) {
        if (subscriptions.isEmpty()) {
            return;
        }
        worker.execute(() -> {
            for (Subscription s : subscriptions) {
                try {
                    if (change.resync() || s.concerns.test(change)) {
                        s.add(change);
                    }
                } catch (RuntimeException e) {
                    log.warn("A live subscriber's filter failed on {}: {}", change, e.toString());
                }
            }
        });
    }

    private List<Long> ancestorsOf(long unitId) {
        UnitAncestry units = ancestry.getIfAvailable();
        return units == null ? List.of() : units.ancestorsOf(unitId);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** One screen: changes that arrive within the window after its last call wait for the window to end. */
    private final class Subscription {
        private final Predicate<LiveChange> concerns;
        private final Consumer<List<LiveChange>> onChanges;
        private final List<LiveChange> pending = new ArrayList<>();
        private long lastCall = Long.MIN_VALUE / 2;
        private boolean scheduled;

        Subscription(Predicate<LiveChange> concerns, Consumer<List<LiveChange>> onChanges) {
            this.concerns = concerns;
            this.onChanges = onChanges;
        }

        /** Runs on the worker thread only, like {@link #flush}. */
        void add(LiveChange change) {
            pending.add(change);
            if (!scheduled) {
                scheduled = true;
                long wait = Math.max(0, lastCall + WINDOW.toNanos() - System.nanoTime());
                worker.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
            }
        }

        private void flush() {
            scheduled = false;
            lastCall = System.nanoTime();
            List<LiveChange> batch = List.copyOf(pending);
            pending.clear();
            if (!subscriptions.contains(this) || batch.isEmpty()) {
                return;
            }
            try {
                onChanges.accept(batch);
            } catch (RuntimeException e) {
                log.warn("A live subscriber failed: {}", e.toString());
            }
        }
    }
}
