package app.catchball.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.support.SpringTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

@SpringTest
class EmbeddedPostgresTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres running;

    @Test
    void the_embedded_database_is_durable() {
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
    }

    @Test
    void the_running_database_refuses_connections_without_the_password() {
        String url = "jdbc:postgresql://localhost:" + running.getPort() + "/postgres";
        for (String user : List.of("postgres", "catchball")) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, null).close()).as(user)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "postgres").close()).as(user)
                    .hasMessageContaining("password authentication failed");
        }
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("catchball");
    }

    @Test
    void data_survives_a_restart_on_the_same_data_directory(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("postgres");
        EmbeddedPostgresConfiguration config = new EmbeddedPostgresConfiguration();
        try (DataFolderLock lock = DataFolderLock.acquire(folder, "postgres");
             EmbeddedPostgres pg = config.embeddedPostgres(lock, EmbeddedCredentials.readOrCreate(folder), 0, false, Duration.ofSeconds(60));
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('still here')");
        }
        try (DataFolderLock lock = DataFolderLock.acquire(folder, "postgres");
             EmbeddedPostgres pg = config.embeddedPostgres(lock, EmbeddedCredentials.readOrCreate(folder), 0, false, Duration.ofSeconds(60))) {
            DataSource ds = pg.getPostgresDatabase();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        }
    }

    /**
     * A data folder from the release that trusted every local connection and ran as the superuser:
     * its first start with this release locks it down, keeps its data, and puts its audit trail out
     * of the application role's reach.
     */
    @Test
    void a_trust_mode_data_folder_from_the_previous_release_is_locked_down_on_its_first_start(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(old.getPostgresDatabase()).locations("classpath:db/migration").target("10")
                    .placeholders(Map.of("appRole", "")).load().migrate();
            JdbcClient.create(old.getPostgresDatabase()).sql("insert into org_unit (name, short_code, level_code) values ('Old trust', 'OLD', 'TRUST')")
                    .update();
        }
        assertThat(Files.readString(folder.resolve("pg_hba.conf"))).contains("trust");

        EmbeddedPostgresConfiguration config = new EmbeddedPostgresConfiguration();
        EmbeddedCredentials credentials = EmbeddedCredentials.readOrCreate(folder);
        try (DataFolderLock lock = DataFolderLock.acquire(folder, "postgres");
             EmbeddedPostgres pg = config.embeddedPostgres(lock, credentials, 0, false, Duration.ofSeconds(60))) {
            Flyway.configure().dataSource(pg.getJdbcUrl("postgres", "postgres"), "postgres", credentials.superuserPassword())
                    .locations("classpath:db/migration").placeholders(Map.of("appRole", "catchball")).load().migrate();

            assertThat(Files.readString(folder.resolve("pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
            assertThat(Files.getPosixFilePermissions(folder.resolve(EmbeddedCredentials.FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close()).hasMessageContaining("password");

            JdbcClient app = JdbcClient.create(new DriverManagerDataSource(url, "catchball", credentials.appPassword()));
            assertThat(app.sql("select name from org_unit").query(String.class).list()).containsExactly("Old trust");
            assertThat(app.sql("select count(*) from audit.audit_event where after ->> 'name' = 'Old trust'")
                    .query(Integer.class).single()).isOne();
            assertThat(app.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> 'catchball'")
                    .query(Integer.class).single()).as("the application's role owns its tables").isZero();
            app.sql("update org_unit set name = 'Renamed trust'").update();
            assertThat(app.sql("select count(*) from audit.audit_event where operation = 'UPDATE'").query(Integer.class).single())
                    .as("changes are still audited").isOne();
            assertThatThrownBy(() -> app.sql("delete from audit.audit_event").update()).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.sql("set session_replication_role = replica").update()).rootCause()
                    .hasMessageContaining("permission denied");
        }
    }

    /** The README's recommendation for an external database: a migration role apart from the application's. */
    @Test
    void on_an_external_database_the_migration_role_keeps_the_trail_from_the_application_role(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
            JdbcClient admin = JdbcClient.create(external.getPostgresDatabase());
            for (String sql : List.of("create role catchball login password 'app'", "create role catchball_owner login password 'owner'",
                    "grant catchball to catchball_owner", "create database catchball owner catchball_owner",
                    "grant create on database catchball to catchball")) {
                admin.sql(sql).update();
            }
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/catchball";
            Flyway.configure().dataSource(url, "catchball_owner", "owner").locations("classpath:db/migration")
                    .placeholders(Map.of("appRole", "catchball")).load().migrate();

            JdbcClient app = JdbcClient.create(new DriverManagerDataSource(url, "catchball", "app"));
            app.sql("insert into org_unit (name, short_code, level_code) values ('External trust', 'EXT', 'TRUST')").update();
            assertThat(app.sql("select count(*) from audit.audit_event where after ->> 'name' = 'External trust'")
                    .query(Integer.class).single()).isOne();
            assertThat(app.sql("select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'public'").query(String.class).single())
                    .isEqualTo("catchball");
            for (String attack : List.of("delete from audit.audit_event", "truncate audit.audit_event",
                    "alter table audit.audit_event disable trigger all", "drop schema audit cascade")) {
                assertThatThrownBy(() -> app.sql(attack).update()).as(attack).rootCause()
                        .hasMessageMatching("(?s).*(permission denied|must be owner).*");
            }
        }
    }

    @Test
    void an_external_datasource_url_or_the_prod_profile_turns_the_embedded_database_off() {
        assertThat(NoExternalDatasource.appliesTo(new MockEnvironment())).isTrue();
        assertThat(NoExternalDatasource.appliesTo(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/catchball"))).isFalse();
        assertThat(NoExternalDatasource.appliesTo(new MockEnvironment()
                .withProperty("catchball.embedded-postgres.enabled", "false"))).isFalse();
    }
}
