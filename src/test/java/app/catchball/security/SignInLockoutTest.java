package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.support.SpringTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-in through Spring Security's real authentication manager and the users in the database. */
@SpringTest
class SignInLockoutTest {

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    @Autowired
    AccessService access;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    AuthenticationManager manager() throws Exception {
        return authenticationConfiguration.getAuthenticationManager();
    }

    @Test
    void passwords_are_stored_hashed_with_the_delegating_encoder() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'ward7.manager'").query(String.class).single();

        assertThat(hash).startsWith("{bcrypt}").doesNotContain("catchball");
        assertThat(passwordEncoder.matches("catchball", hash)).isTrue();
    }

    @Test
    void five_failed_sign_ins_lock_the_account_for_fifteen_minutes_even_for_the_right_password() throws Exception {
        SystemUser.runAs("admin", () -> access.createUser("lock.me", "Lock Me", null, "right-password-1", false));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> manager().authenticate(token("lock.me", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(manager().authenticate(token("lock.me", "right-password-1")).isAuthenticated())
                .as("four failures do not lock, and success resets the count").isTrue();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> manager().authenticate(token("lock.me", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> manager().authenticate(token("lock.me", "right-password-1"))).isInstanceOf(LockedException.class);

        Instant lockedUntil = jdbc.sql("select locked_until from app_user where username = 'lock.me'")
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), lockedUntil)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
    }

    @Test
    void an_unknown_user_fails_exactly_like_a_wrong_password() {
        assertThatThrownBy(() -> manager().authenticate(token("no.such.user", "whatever")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage(catchMessage("ward7.manager", "wrong"));
    }

    private String catchMessage(String username, String password) {
        try {
            manager().authenticate(token(username, password));
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private static UsernamePasswordAuthenticationToken token(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
