package app.catchball.base.live;

import app.catchball.base.LiveConnectionState;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Receives the other nodes' changes: a dedicated connection (outside the pool) {@code LISTEN}s on
 * {@value LiveNotifications#CHANNEL}, and each notification from another node is handed to this
 * node's {@link LiveBroadcaster}; its own are ignored. When the connection drops it reconnects,
 * waiting 0.1 s, 0.2 s, 0.4 s … up to {@code catchball.live.max-backoff} (default 5 s) between
 * attempts, and then tells every open screen to refresh, since changes may have been missed. An
 * idle connection is checked every 30 s, so a silently dead one is noticed too.
 */
@Component
public class LiveListener implements SmartLifecycle, LiveConnectionState {

    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);
    private static final int POLL_MILLIS = 250;
    private static final long IDLE_CHECK_NANOS = Duration.ofSeconds(30).toNanos();

    private final DataSource dataSource;
    private final LiveBroadcaster broadcaster;
    private final Duration maxBackoff;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    LiveListener(DataSource dataSource, LiveBroadcaster broadcaster,
                 @Value("${catchball.live.max-backoff:5s}") Duration maxBackoff) {
        this.dataSource = dataSource;
        this.broadcaster = broadcaster;
        this.maxBackoff = maxBackoff;
    }

    /** Whether the listening connection is up (for health and metrics). */
    public boolean listening() {
        return listening;
    }

    @Override
    public State liveConnectionState() {
        return listening ? State.LISTENING : State.DOWN;
    }

    /** The name the listening connection gives PostgreSQL ({@code application_name}), one per node. */
    public String connectionName() {
        return "catchball-live-" + broadcaster.nodeId();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("catchball-live-listen").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = 100;
        boolean connectedBefore = false;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + LiveNotifications.CHANNEL);
                }
                listening = true;
                if (connectedBefore) {
                    log.info("Listening for other nodes' changes again");
                    broadcaster.resyncAll();
                }
                connectedBefore = true;
                backoff = 100;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (listening) {
                    log.warn("Lost the connection that listens for other nodes' changes ({}); reconnecting", e.getMessage());
                } else {
                    log.warn("Cannot listen for other nodes' changes ({}); retrying in {} ms", e.getMessage(), backoff);
                }
            } finally {
                listening = false;
                connection = null;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = Math.min(backoff * 2, maxBackoff.toMillis());
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification n : notifications) {
                    LiveNotifications.read(n.getParameter())
                            .filter(r -> !broadcaster.nodeId().equals(r.node()))
                            .ifPresent(r -> broadcaster.deliver(r.event()));
                }
            } else if (System.nanoTime() - lastHeard > IDLE_CHECK_NANOS) {
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    /** A connection of its own, with the pool's settings; from the pool only when the pool is not Hikari. */
    private Connection connect() throws SQLException {
        HikariDataSource hikari = dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari == null || hikari.getJdbcUrl() == null) {
            return dataSource.getConnection();
        }
        Properties props = new Properties();
        props.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            props.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            props.setProperty("password", hikari.getPassword());
        }
        props.setProperty("ApplicationName", connectionName());
        Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), props);
        c.setAutoCommit(true);
        return c;
    }

    private void closeQuietly() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // stopping anyway
            }
        }
    }
}
