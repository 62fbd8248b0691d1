package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production profile against an "external" PostgreSQL (a separate server started here): no
 * embedded database is started, Flyway builds the schema, no demo data, and the initial admin
 * comes from CATCHBALL_ADMIN_PASSWORD.
 */
class ProductionStartTest {

    @Test
    void prod_uses_the_configured_database_seeds_no_demo_data_and_needs_an_admin_password(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            String[] common = {"--spring.profiles.active=prod", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--server.port=0", "--management.server.port=0", "--vaadin.launch-browser=false"};

            assertThatThrownBy(() -> new SpringApplicationBuilder(CatchballApplication.class).run(common))
                    .hasStackTraceContaining("CATCHBALL_ADMIN_PASSWORD is not set");

            String[] withPassword = Stream.concat(Arrays.stream(common),
                    Stream.of("--catchball.admin-password=correct-horse-battery")).toArray(String[]::new);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CatchballApplication.class).run(withPassword)) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
                assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("admin");
                assertThat(jdbc.sql("select count(*) from org_unit").query(Integer.class).single()).isZero();
                assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                        .isGreaterThanOrEqualTo(3);
            }
        }
    }
}
