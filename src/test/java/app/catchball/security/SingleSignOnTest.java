package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.CatchballApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Single sign-on against a real OpenID Connect provider started by the test (mock-oauth2-server):
 * the provider vouches for an e-mail address and the Catchball user with it is signed in; an
 * unknown address is refused. Without configuration there is no single sign-on at all.
 */
class SingleSignOnTest {

    @Test
    void an_openid_connect_sign_in_matches_the_user_by_email_and_an_unknown_email_is_refused() throws Exception {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start();
        String issuer = provider.issuerUrl("sso").toString();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CatchballApplication.class).run(
                "--spring.profiles.active=test", "--server.port=0", "--management.server.port=0", "--vaadin.launch-browser=false",
                "--spring.security.oauth2.client.registration.sso.client-id=catchball",
                "--spring.security.oauth2.client.registration.sso.client-secret=secret",
                "--spring.security.oauth2.client.registration.sso.scope=openid,email,profile",
                "--spring.security.oauth2.client.provider.sso.issuer-uri=" + issuer)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            provider.enqueueCallback(new DefaultOAuth2TokenCallback("sso", "entra-oid-1", "JWT", List.of("catchball"),
                    Map.of("email", "acute.lead@northshore.example.nhs.uk"), 3600));
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> landing = follow(browser, "http://localhost:" + port + "/oauth2/authorization/sso");
            assertThat(landing.uri().getPath()).isEqualTo("/");
            HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as("signed in through single sign-on").isEqualTo(200);

            provider.enqueueCallback(new DefaultOAuth2TokenCallback("sso", "stranger", "JWT", List.of("catchball"),
                    Map.of("email", "someone.else@example.org"), 3600));
            HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> refused = follow(stranger, "http://localhost:" + port + "/oauth2/authorization/sso");
            assertThat(refused.uri().toString()).contains("/login?error");
        } finally {
            provider.shutdown();
        }
    }

    /** Follows redirects by hand (keeping cookies) and returns the last response. */
    private static HttpResponse<String> follow(HttpClient client, String url) throws Exception {
        URI uri = URI.create(url);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                return response;
            }
            uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        throw new AssertionError("Too many redirects");
    }
}
