package app.catchball.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was checked: too early after failed attempts, or locked from this source. */
class SignInThrottledException extends AuthenticationException {

    private final Duration wait;

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins: wait and try again.");
        this.wait = wait;
    }

    Duration getWait() {
        return wait;
    }
}
