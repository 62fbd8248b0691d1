package app.catchball.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml (no Docker engine runs here, so its contents are checked): PostgreSQL, two
 * Catchball nodes on it, health checks on readiness, and HAProxy with sticky sessions in front;
 * the management port is never published.
 */
class ComposeFileTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    @SuppressWarnings("unchecked")
    void two_nodes_on_one_postgresql_behind_a_sticky_proxy_with_readiness_health_checks() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("db", "node1", "node2", "proxy");
        assertThat((String) services.get("db").get("image")).startsWith("postgres:");

        for (String name : List.of("node1", "node2")) {
            Map<String, Object> node = services.get(name);
            Map<String, Object> env = (Map<String, Object>) node.get("environment");
            assertThat(env).as(name).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/catchball")
                    .containsEntry("MANAGEMENT_SERVER_PORT", "8081");
            assertThat(String.join(" ", (List<String>) ((Map<String, Object>) node.get("healthcheck")).get("test")))
                    .as(name).contains("http://localhost:8081/actuator/health/readiness");
            assertThat(node).as("%s publishes no port: the proxy is the way in, the management port stays inside", name)
                    .doesNotContainKey("ports");
            assertThat((Map<String, Object>) node.get("depends_on")).containsKey("db");
        }

        Map<String, Object> proxy = services.get("proxy");
        assertThat((String) proxy.get("image")).startsWith("haproxy:");
        assertThat((List<String>) proxy.get("ports")).containsExactly("8080:8080");
        assertThat((Map<String, Map<String, String>>) proxy.get("depends_on"))
                .containsEntry("node1", Map.of("condition", "service_healthy"))
                .containsEntry("node2", Map.of("condition", "service_healthy"));
        String mounted = ((List<String>) proxy.get("volumes")).getFirst();
        assertThat(mounted).endsWith(":/usr/local/etc/haproxy/haproxy.cfg:ro");

        List<String> haproxy = Files.readAllLines(DOCKER.resolve(Path.of(mounted.split(":")[0]))).stream()
                .map(String::strip).filter(l -> !l.startsWith("#")).toList();
        assertThat(haproxy).as("sticky sessions: the proxy's own cookie pins a browser to its node")
                .contains("cookie CATCHBALL_NODE insert indirect nocache httponly")
                .contains("option httpchk GET /actuator/health/readiness")
                .contains("server node1 node1:8080 check port 8081 cookie node1")
                .contains("server node2 node2:8080 check port 8081 cookie node2")
                .contains("bind :8080");
    }
}
