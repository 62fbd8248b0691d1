package app.catchball.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A clean-up job, once per cluster (base/jobs/JobLocks): sign-in counters whose failures are older
 * than the lockout and whose lock has ended are forgotten, also for accounts and addresses that never
 * fail again (a new failure forgets them too).
 */
@Component
class SignInThrottleCleanUp {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottleCleanUp.class);

    private final SignInAttempts attempts;

    SignInThrottleCleanUp(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Scheduled(cron = "${catchball.jobs.clean-up.cron:0 17 * * * *}")
    @SchedulerLock(name = "sign-in-throttle-clean-up", lockAtMostFor = "PT5M")
    void forgetExpiredSignInFailures() {
        int forgotten = attempts.forgetExpired();
        if (forgotten > 0) {
            log.info("Forgot {} expired sign-in counters", forgotten);
        }
    }
}
