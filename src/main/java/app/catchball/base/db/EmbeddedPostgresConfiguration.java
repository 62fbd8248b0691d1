package app.catchball.base.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL inside the application when no external datasource is configured
 * (and, in the {@code prod} profile, only when {@code catchball.embedded-postgres.enabled=true}).
 * Its data lives on disk ({@code catchball.embedded-postgres.data-dir}, default
 * {@code ./data/postgres}) and survives restarts; it is stopped when the application stops.
 * <p>
 * One process owns the folder at a time ({@link DataFolderLock}, taken by {@link DataFolderOwnership}
 * before anything else starts). The server accepts password
 * authentication only ({@link EmbeddedCredentials}); the migrations run as the superuser, the
 * application as the plain role {@value EmbeddedCredentials#APP_ROLE} that owns its schema but not
 * the audit trail.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatasource.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The folder's passwords; made on the first start, then read from the folder. */
    @Bean
    EmbeddedCredentials embeddedCredentials(DataFolderLock owner) throws IOException {
        return EmbeddedCredentials.readOrCreate(owner.folder());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            DataFolderLock owner, EmbeddedCredentials credentials,
            @Value("${catchball.embedded-postgres.port:0}") int port,
            @Value("${catchball.embedded-postgres.clean:false}") boolean clean,
            @Value("${catchball.embedded-postgres.startup-wait:60s}") Duration startupWait) throws IOException, SQLException {
        Path dir = owner.folder();
        stopOrphan(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setConnectConfig("password", credentials.superuserPassword())
                // Recovery after a crash replays the write-ahead log; give it time on a slow machine.
                .setPGStartupWait(startupWait)
                // zonky turns durability off by default; this is data people care about.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                // Stopped by Spring (destroyMethod = "close") after everything that uses it, not by a JVM
                // shutdown hook of zonky's own that runs at the same time as Spring's: that stopped the
                // database under requests still draining and beans still writing on shutdown, and a
                // connection request then waited out Hikari's 30 s timeout before the JVM could exit.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        try {
            credentials.lockDown(dir, pg.getPostgresDatabase());
        } catch (IOException | SQLException | RuntimeException e) {
            pg.close();
            throw e;
        }
        log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    /** The application connects as its own role, which is no superuser. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg, EmbeddedCredentials credentials) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl(EmbeddedCredentials.APP_ROLE, "postgres"));
        ds.setUsername(EmbeddedCredentials.APP_ROLE);
        ds.setPassword(credentials.appPassword());
        ds.setMaximumPoolSize(10);
        ds.setPoolName("catchball-embedded");
        return ds;
    }

    /** Migrations run as the superuser, so that the audit trail belongs to it and not to the application's role. */
    @Bean
    FlywayConfigurationCustomizer embeddedMigrationsAsSuperuser(EmbeddedPostgres pg, EmbeddedCredentials credentials) {
        return configuration -> configuration.dataSource(pg.getJdbcUrl(EmbeddedCredentials.SUPERUSER, "postgres"),
                EmbeddedCredentials.SUPERUSER, credentials.superuserPassword());
    }

    /**
     * If the application was killed without a clean shutdown, its PostgreSQL may still be running
     * on the data directory. Only the owner of the folder's lock gets here, so such a server has no
     * live owner: stop it (a fast shutdown) so that this start can take over the data.
     */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!first.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(first))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier run that is gone", orphan.pid(), dir);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        orphan.destroyForcibly();
                    }
                });
    }
}
