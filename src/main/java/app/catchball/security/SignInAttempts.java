package app.catchball.security;

import app.catchball.base.db.Rows;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down and locks repeated failed sign-ins, counted per account, per source address and per
 * account from a source (table {@code sign_in_throttle}, outside the audit trail).
 *
 * <ul>
 * <li>After n recent failures an account, and a source, must wait {@code delay × 2^(n−1)} (at most
 * {@code max-delay}) before the next attempt.</li>
 * <li>After {@code max-failed-sign-ins} failures of an account from one source, that account is
 * locked for {@code lockout} from that source only; other sources only wait.</li>
 * <li>Failures older than {@code lockout} are forgotten.</li>
 * </ul>
 *
 * <p>An attempt that comes too early is refused at once, before any password is checked: no request
 * thread ever sleeps, so many attempts cannot exhaust the server's threads. At most one attempt per
 * account and {@value #MAX_IN_FLIGHT_PER_SOURCE} per source run at the same time, so a burst of
 * parallel requests cannot slip past the counters. Usernames are counted whether or not the account
 * exists, so neither the delays nor the messages reveal whether it does.
 */
@Component
class SignInAttempts {

    static final Logger SECURITY_LOG = LoggerFactory.getLogger("catchball.security");
    static final int MAX_IN_FLIGHT_PER_SOURCE = 4;
    private static final int MAX_KEY = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;
    private final Duration delay;
    private final Duration maxDelay;
    private final Set<String> accountsInFlight = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, AtomicInteger> sourcesInFlight = new ConcurrentHashMap<>();

    SignInAttempts(JdbcClient jdbc, Clock clock,
                   @Value("${catchball.security.max-failed-sign-ins:5}") int maxFailures,
                   @Value("${catchball.security.lockout:15m}") Duration lockFor,
                   @Value("${catchball.security.sign-in-delay:1s}") Duration delay,
                   @Value("${catchball.security.sign-in-max-delay:1m}") Duration maxDelay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
        this.delay = delay;
        this.maxDelay = maxDelay;
    }

    /** A sign-in attempt that holds its places until closed. */
    interface Attempt extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Lets an attempt go ahead, or refuses it at once while the account or the source must still
     * wait, while the account is locked from this source, or while another attempt is running.
     */
    Attempt begin(String username, String source) {
        String account = key(username);
        String from = key(source);
        if (!accountsInFlight.add(account)) {
            throw refuse(account, from, Duration.ofSeconds(1), "another attempt in progress");
        }
        AtomicInteger running = sourcesInFlight.computeIfAbsent(from, s -> new AtomicInteger());
        if (running.incrementAndGet() > MAX_IN_FLIGHT_PER_SOURCE) {
            release(account, from);
            throw refuse(account, from, Duration.ofSeconds(1), "too many attempts in progress from this source");
        }
        try {
            Duration wait = waitBeforeNextAttempt(account, from);
            if (!wait.isZero()) {
                throw refuse(account, from, wait, "too early after failed attempts");
            }
        } catch (RuntimeException e) {
            release(account, from);
            throw e;
        }
        return () -> release(account, from);
    }

    private void release(String account, String from) {
        accountsInFlight.remove(account);
        sourcesInFlight.computeIfPresent(from, (s, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    private SignInThrottledException refuse(String account, String from, Duration wait, String why) {
        SECURITY_LOG.warn("Sign-in refused without checking the password: user={} source={} ({}, wait {} s)",
                account, from, why, Math.max(1, wait.toSeconds()));
        return new SignInThrottledException(wait);
    }

    /** How long this account from this source must still wait; zero when it may try now. */
    @Transactional(readOnly = true)
    Duration waitBeforeNextAttempt(String account, String from) {
        record Row(String username, String source, int failures, Timestamp lastFailureAt, Timestamp lockedUntil) {
        }
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql("""
                        select username, source, failures, last_failure_at, locked_until from sign_in_throttle
                        where (username = :u and source in ('', :s)) or (username = '' and source = :s)
                        """)
                .param("u", account).param("s", from).query(Rows.of(Row.class)).list();
        Instant allowedAt = now;
        for (Row row : rows) {
            if (row.lockedUntil() != null && row.lockedUntil().toInstant().isAfter(allowedAt)) {
                allowedAt = row.lockedUntil().toInstant();
            }
            boolean perAccountOrSource = row.username().isEmpty() || row.source().isEmpty();
            if (perAccountOrSource && row.failures() > 0 && row.lastFailureAt().toInstant().isAfter(now.minus(lockFor))) {
                Instant next = row.lastFailureAt().toInstant().plus(delayAfter(row.failures()));
                if (next.isAfter(allowedAt)) {
                    allowedAt = next;
                }
            }
        }
        return Duration.between(now, allowedAt);
    }

    /** The wait after n failures in a row: delay, 2 × delay, 4 × delay, … up to max-delay. */
    Duration delayAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration wait = delay.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }

    /** Forgets failures older than the lockout whose lock (if any) has ended; returns how many rows went. */
    @Transactional
    int forgetExpired() {
        Instant now = clock.instant();
        return jdbc.sql("delete from sign_in_throttle where last_failure_at < :before and (locked_until is null or locked_until < :now)")
                .param("before", Timestamp.from(now.minus(lockFor))).param("now", Timestamp.from(now)).update();
    }

    /** Counts a failure for the account, the source and the account from that source; locks that pair at the limit. */
    @Transactional
    void recordFailure(String username, String source, String reason) {
        String account = key(username);
        String from = key(source);
        Instant now = clock.instant();
        Timestamp forgetBefore = Timestamp.from(now.minus(lockFor));
        forgetExpired();
        for (String[] key : List.of(new String[] {account, ""}, new String[] {"", from}, new String[] {account, from})) {
            boolean pair = !key[0].isEmpty() && !key[1].isEmpty();
            jdbc.sql("""
                            insert into sign_in_throttle as t (username, source, failures, last_failure_at)
                            values (:u, :s, 1, :now)
                            on conflict (username, source) do update set
                                failures = case when t.last_failure_at < :before then 1 else t.failures + 1 end,
                                last_failure_at = :now
                            """)
                    .param("u", key[0]).param("s", key[1]).param("now", Timestamp.from(now)).param("before", forgetBefore)
                    .update();
            if (pair) {
                int locked = jdbc.sql("""
                                update sign_in_throttle set locked_until = :until, failures = 0
                                where username = :u and source = :s and failures >= :max
                                """)
                        .param("until", Timestamp.from(now.plus(lockFor))).param("u", key[0]).param("s", key[1])
                        .param("max", maxFailures).update();
                if (locked > 0) {
                    SECURITY_LOG.warn("Account locked for {} min from one source after {} failed sign-ins: user={} source={}",
                            lockFor.toMinutes(), maxFailures, account, from);
                }
            }
        }
        SECURITY_LOG.info("Sign-in failed: user={} source={} ({})", account, from, reason);
    }

    /**
     * A successful sign-in clears the account's count and its count from this source. The source's
     * own count, and locks of the account from other sources, stay until they are forgotten.
     */
    @Transactional
    void recordSuccess(String username, String source) {
        String account = key(username);
        String from = key(source);
        jdbc.sql("delete from sign_in_throttle where username = :u and source in ('', :s)")
                .param("u", account).param("s", from).update();
        SECURITY_LOG.info("Signed in: user={} source={}", account, from);
    }

    /** Ends every lock and delay of an account, from every source. */
    @Transactional
    void unlock(String username) {
        jdbc.sql("delete from sign_in_throttle where username = :u").param("u", key(username)).update();
    }

    /** Accounts locked from at least one source now, lower-case. */
    @Transactional(readOnly = true)
    Set<String> lockedAccounts() {
        return Set.copyOf(jdbc.sql("select distinct username from sign_in_throttle where username <> '' and locked_until > :now")
                .param("now", Timestamp.from(clock.instant())).query(String.class).list());
    }

    static String key(String value) {
        String clean = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (clean.isEmpty()) {
            return "-";
        }
        return clean.length() > MAX_KEY ? clean.substring(0, MAX_KEY) : clean;
    }
}
