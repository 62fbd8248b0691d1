package app.catchball.reminders;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Mail goes out on a task thread ({@code @Async}); and the reminder job runs once after start-up, on a
 * task thread, as well as every morning, so a node started after the morning run does not wait a day
 * ({@code catchball.reminders.run-on-start=false} turns that off). The lock keeps it to one node.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class RemindersConfiguration {

    private final ReminderJob job;
    private final boolean runOnStart;

    RemindersConfiguration(ReminderJob job, @Value("${catchball.reminders.run-on-start:true}") boolean runOnStart) {
        this.job = job;
        this.runOnStart = runOnStart;
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    void runOnStart() {
        if (runOnStart) {
            job.run();
        }
    }
}
