package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.catchball.support.SpringTest;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in through Spring Security's real authentication manager and the users in the database,
 * each test from source addresses of its own (the test profile's delays: 100 ms doubling, at most 1 s).
 */
@SpringTest
class SignInLockoutTest {

    @Value("${catchball.security.sign-in-max-delay}")
    Duration maxDelay;

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    @Autowired
    AccessService access;

    @Autowired
    SignInAttempts attempts;

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
    void each_failure_makes_the_next_attempt_wait_longer_and_an_early_attempt_is_refused_unchecked() throws Exception {
        String user = newUser("slow.down");
        String source = newSource();

        fail(user, source);
        assertThatThrownBy(() -> signIn(user, "right-password-1", source))
                .as("at once after a failure, even the right password is refused without being checked")
                .isInstanceOf(SignInThrottledException.class);
        assertThat(attempts.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(attempts.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(attempts.delayAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(attempts.delayAfter(10)).as("capped").isEqualTo(Duration.ofSeconds(1));

        waitOut(user, source);
        fail(user, source);
        Duration afterTwo = attempts.waitBeforeNextAttempt(SignInAttempts.key(user), SignInAttempts.key(source));
        assertThat(afterTwo).isGreaterThan(Duration.ofMillis(100)).isLessThanOrEqualTo(Duration.ofMillis(200));

        waitOut(user, source);
        assertThat(signIn(user, "right-password-1", source).isAuthenticated()).isTrue();
        assertThat(attempts.waitBeforeNextAttempt(SignInAttempts.key(user), SignInAttempts.key(source)))
                .as("success clears the account's count").isZero();
    }

    @Test
    void failures_from_one_source_slow_that_source_down_for_every_account() throws Exception {
        String source = newSource();
        String first = newUser("first.target");
        String other = newUser("second.target");
        fail(first, source);

        assertThatThrownBy(() -> signIn(other, "right-password-1", source)).isInstanceOf(SignInThrottledException.class);
        assertThat(signIn(other, "right-password-1", newSource()).isAuthenticated())
                .as("the same account from another source goes ahead").isTrue();
    }

    @Test
    void five_failures_lock_the_account_from_that_source_only_and_an_admin_unlocks_it() throws Exception {
        String user = newUser("lock.me");
        String attacker = newSource();
        for (int i = 0; i < 5; i++) {
            waitOut(user, attacker);
            fail(user, attacker);
        }

        Timestamp lockedUntil = jdbc.sql("select locked_until from sign_in_throttle where username = :u and source = :s")
                .param("u", user).param("s", attacker).query(Timestamp.class).single();
        assertThat(Duration.between(Instant.now(), lockedUntil.toInstant())).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        // Past the longest delay a failure brings, so that only the lock can refuse the right password.
        Instant delaysOver = jdbc.sql("select max(last_failure_at) from sign_in_throttle where username = :u")
                .param("u", user).query(Timestamp.class).single().toInstant().plus(maxDelay);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> Instant.now().isAfter(delaysOver));
        assertThatThrownBy(() -> signIn(user, "right-password-1", attacker))
                .as("locked from the source that failed, even for the right password, after the delays")
                .isInstanceOf(SignInThrottledException.class);

        String owner = newSource();
        waitOut(user, owner);
        assertThat(signIn(user, "right-password-1", owner).isAuthenticated())
                .as("the owner elsewhere only waits; they are not locked out").isTrue();

        long id = id(user);
        assertThat(SystemUser.runAs("admin", () -> access.lockedUserIds()))
                .as("the owner's success does not lift the lock from the attacker's source").contains(id);
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> access.unlock(id))).isInstanceOf(AccessDeniedException.class);
        SystemUser.runAs("admin", () -> access.unlock(id));
        assertThat(SystemUser.runAs("admin", () -> access.lockedUserIds())).doesNotContain(id);
        assertThat(signIn(user, "right-password-1", attacker).isAuthenticated()).isTrue();
    }

    @Test
    void an_unknown_user_fails_exactly_like_a_wrong_password_in_message_and_time() throws Exception {
        String known = newUser("timing.known");
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        String knownMessage = null;
        String unknownMessage = null;
        for (int i = 0; i < 5; i++) {
            String source = newSource();
            waitOut(known, source);
            long start = System.nanoTime();
            knownMessage = failureMessage(known, "wrong password", source);
            knownNanos.add(System.nanoTime() - start);
            start = System.nanoTime();
            unknownMessage = failureMessage("no.such.user." + i, "wrong password", newSource());
            unknownNanos.add(System.nanoTime() - start);
        }

        assertThat(unknownMessage).isNotNull().isEqualTo(knownMessage);
        long knownMedian = knownNanos.stream().sorted().toList().get(2);
        long unknownMedian = unknownNanos.stream().sorted().toList().get(2);
        assertThat(unknownMedian).as("an unknown user costs the same password hash work")
                .isGreaterThan(knownMedian / 2).isLessThan(knownMedian * 2);

        SystemUser.runAs("admin", () -> access.deactivate(id(known)));
        String deactivatedSource = newSource();
        waitOut(known, deactivatedSource);
        long start = System.nanoTime();
        assertThatThrownBy(() -> signIn(known, "right-password-1", deactivatedSource)).isInstanceOf(AuthenticationException.class);
        assertThat(System.nanoTime() - start).as("a deactivated account is refused only after the hash")
                .isGreaterThan(knownMedian / 2);
    }

    @Test
    void sign_ins_and_failures_go_to_the_security_log_not_the_audit_trail() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger("catchball.security");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            String user = newUser("logged.user");
            String source = newSource();
            long auditBefore = auditRows();

            fail(user, source);
            waitOut(user, source);
            signIn(user, "right-password-1", source);

            assertThat(auditRows()).as("no audit rows for sign-in bookkeeping").isEqualTo(auditBefore);
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).startsWith("Sign-in failed: user=" + user + " source=" + source))
                    .anySatisfy(line -> assertThat(line).isEqualTo("Signed in: user=" + user + " source=" + source));
        } finally {
            log.detachAppender(lines);
        }
    }

    private long auditRows() {
        return jdbc.sql("select count(*) from audit.audit_event").query(Long.class).single();
    }

    private String newUser(String prefix) {
        String username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        SystemUser.runAs("admin", () -> access.createUser(username, "Test " + prefix, null, "right-password-1", false));
        return username;
    }

    private long id(String username) {
        return SystemUser.runAs("admin", () -> access.users()).stream().filter(u -> u.username().equals(username))
                .findFirst().orElseThrow().id();
    }

    private static int sources;

    private static synchronized String newSource() {
        sources++;
        return "10.99." + (sources / 250) + "." + (sources % 250 + 1);
    }

    private void waitOut(String user, String source) {
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> attempts.waitBeforeNextAttempt(SignInAttempts.key(user), SignInAttempts.key(source)).isZero());
    }

    private void fail(String user, String source) throws Exception {
        assertThatThrownBy(() -> signIn(user, "wrong", source)).isInstanceOf(BadCredentialsException.class);
    }

    private String failureMessage(String user, String password, String source) {
        try {
            signIn(user, password, source);
            return null;
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private Authentication signIn(String username, String password, String source) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(source);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(request));
        return manager().authenticate(token);
    }
}
