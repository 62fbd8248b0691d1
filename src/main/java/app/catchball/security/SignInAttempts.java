package app.catchball.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after repeated failed sign-ins (5 failures, 15 minutes by default).
 * Unknown usernames are counted nowhere, and the sign-in page shows the same message whatever the
 * cause, so it never reveals whether an account exists or is locked.
 */
@Component
class SignInAttempts {

    private final UserRepository users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;

    SignInAttempts(UserRepository users, Clock clock,
                   @Value("${catchball.security.max-failed-sign-ins:5}") int maxFailures,
                   @Value("${catchball.security.lockout:15m}") Duration lockFor) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        users.recordFailedSignIn(event.getAuthentication().getName(), maxFailures, clock.instant().plus(lockFor));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.recordSuccessfulSignIn(event.getAuthentication().getName());
    }
}
