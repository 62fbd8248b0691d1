package app.catchball.api;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When each token was last used, recorded off the request path: a request only notes the use in
 * memory, and this writes the notes in one statement every half minute (and when the application
 * stops). So reading through the API writes nothing and never waits for a commit. A token's
 * {@code last_used_at} moves at most once an hour, and never into the audit trail (V12).
 */
@Component
class TokenUses {

    private final JdbcClient jdbc;
    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();

    TokenUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void used(long tokenId, Instant at) {
        pending.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes the uses noted so far (a node's own; nodes need no lock for this). */
    @Scheduled(fixedDelayString = "${catchball.api.token-use-flush:PT30S}")
    @PreDestroy
    void flush() {
        for (Long id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                jdbc.sql("""
                                update api_token set last_used_at = :at
                                where id = :id and (last_used_at is null or last_used_at <= :hourBefore)
                                """)
                        .param("at", Timestamp.from(at)).param("hourBefore", Timestamp.from(at.minus(Duration.ofHours(1))))
                        .param("id", id).update();
            }
        }
    }
}
