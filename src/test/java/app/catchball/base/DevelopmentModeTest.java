package app.catchball.base;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.SpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's run command serves the app in Vaadin's development mode: no development pop-ups
 * (dev tools, Copilot) are drawn over it.
 */
@SpringTest
class DevelopmentModeTest {

    @LocalServerPort
    int port;

    @Test
    void the_pages_carry_no_development_tools() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html").doesNotContain("vaadin-dev-tools").doesNotContain("devToolsConf");
    }
}
