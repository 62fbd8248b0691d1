package app.catchball.base;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link BeforeServing} before the web server starts: the web server starts in a late
 * lifecycle phase, so a request can only arrive once this one has finished. (An
 * {@code ApplicationRunner} would run after the port is already open.)
 */
@Component
class BeforeServingRunner implements SmartLifecycle {

    private final ObjectProvider<BeforeServing> tasks;
    private volatile boolean done;

    BeforeServingRunner(ObjectProvider<BeforeServing> tasks) {
        this.tasks = tasks;
    }

    @Override
    public void start() {
        List<BeforeServing> ordered = tasks.orderedStream().toList();
        ordered.forEach(BeforeServing::prepare);
        done = true;
    }

    @Override
    public void stop() {
        done = false;
    }

    @Override
    public boolean isRunning() {
        return done;
    }

    /** Well before the web server's phase ({@code SmartLifecycle.DEFAULT_PHASE - 2048}). */
    @Override
    public int getPhase() {
        return 0;
    }
}
