package app.catchball.catchball;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands committed catchball steps to the open screens that listen (they refresh through Vaadin
 * Push). Listeners must be quick: a screen only schedules its refresh with {@code ui.access}.
 */
@Component
public class CatchballBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(CatchballBroadcaster.class);

    private final Set<Consumer<CatchballMoved>> listeners = ConcurrentHashMap.newKeySet();

    /** Registers a listener; run the returned action to unregister (on detach). */
    public Runnable register(Consumer<CatchballMoved> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onMoved(CatchballMoved event) {
        for (Consumer<CatchballMoved> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A catchball listener failed: {}", e.toString());
            }
        }
    }
}
