package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.SpringTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in clean-up job runs once per cluster: while another node holds its lock, a run here skips. */
@SpringTest
class SignInThrottleCleanUpTest {

    @Autowired
    SignInThrottleCleanUp job;

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_run_while_another_node_holds_the_lock_skips_and_the_next_run_forgets_expired_counters() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(2));
        jdbc.sql("insert into sign_in_throttle (username, source, failures, last_failure_at) values ('expired.user', '', 3, :t)")
                .param("t", Timestamp.from(longAgo)).update();
        jdbc.sql("insert into sign_in_throttle (username, source, failures, last_failure_at) values ('recent.user', '', 1, now())")
                .update();

        // Another node's run of the same job, still going.
        Optional<SimpleLock> otherNode = locks.lock(new LockConfiguration(Instant.now(), "sign-in-throttle-clean-up",
                Duration.ofMinutes(5), Duration.ZERO));
        assertThat(otherNode).isPresent();
        job.forgetExpiredSignInFailures();
        assertThat(users()).as("skipped while the other node runs it").contains("expired.user", "recent.user");

        otherNode.get().unlock();
        job.forgetExpiredSignInFailures();
        assertThat(users()).doesNotContain("expired.user").contains("recent.user");
    }

    private List<String> users() {
        return jdbc.sql("select username from sign_in_throttle").query(String.class).list();
    }
}
