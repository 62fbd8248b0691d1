package app.catchball.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.SpringTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

@SpringTest
class EmbeddedPostgresTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_embedded_database_is_durable() {
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
    }

    @Test
    void data_survives_a_restart_on_the_same_data_directory(@TempDir Path dir) throws Exception {
        EmbeddedPostgresConfiguration config = new EmbeddedPostgresConfiguration();
        try (EmbeddedPostgres pg = config.embeddedPostgres(dir.toString(), 0, false, java.time.Duration.ofSeconds(60));
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('still here')");
        }
        try (EmbeddedPostgres pg = config.embeddedPostgres(dir.toString(), 0, false, java.time.Duration.ofSeconds(60))) {
            DataSource ds = pg.getPostgresDatabase();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        }
    }

    @Test
    void an_external_datasource_url_turns_the_embedded_database_off() {
        assertThat(NoExternalDatasource.appliesTo(new MockEnvironment())).isTrue();
        assertThat(NoExternalDatasource.appliesTo(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/catchball"))).isFalse();
    }
}
