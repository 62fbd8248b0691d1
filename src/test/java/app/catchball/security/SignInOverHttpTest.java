package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.api.ApiTokenService;
import app.catchball.support.SpringTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sign-in page's form POST and the sessions it starts, over real HTTP with real cookies. */
@SpringTest
class SignInOverHttpTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "a long first passphrase";

    @LocalServerPort
    int port;

    @Autowired
    AccessService access;

    @Autowired
    ApiTokenService tokens;

    @Test
    void the_sign_in_post_needs_the_pages_csrf_token() throws Exception {
        String user = newUser("csrf.user");
        HttpClient forged = browser();

        assertRefused(post(forged, "/login", form("username", user, "password", PASSWORD)));
        assertThat(get(forged, "/api/v1/units").statusCode()).as("not signed in").isEqualTo(401);

        get(forged, "/login");
        assertRefused(post(forged, "/login", form("username", user, "password", PASSWORD, "_csrf", "forged")));
        assertRefused(post(forged, "/login?v-r=uidl", form("username", user, "password", PASSWORD)));
        assertThat(get(forged, "/api/v1/units").statusCode()).as("a sign-in is never taken for Vaadin's own request")
                .isEqualTo(401);

        HttpClient real = browser();
        HttpResponse<String> signedIn = signIn(real, user, PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        assertThat(get(real, "/api/v1/units").statusCode()).isEqualTo(200);
    }

    @Test
    void an_admin_reset_ends_every_session_of_the_user_and_then_only_the_password_page_opens() throws Exception {
        String user = newUser("reset.user");
        HttpClient desk = browser();
        HttpClient phone = browser();
        signIn(desk, user, PASSWORD);
        signIn(phone, user, PASSWORD);
        assertThat(get(desk, "/api/v1/units").statusCode()).isEqualTo(200);
        assertThat(get(phone, "/").statusCode()).isEqualTo(200);

        SystemUser.runAs("admin", () -> access.resetPassword(id(user), "a temporary passphrase"));

        assertThat(get(desk, "/api/v1/units").statusCode()).as("the session-cookie API").isEqualTo(401);
        HttpResponse<String> page = get(phone, "/");
        assertThat(page.statusCode()).as("the pages").isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

        HttpClient again = browser();
        signIn(again, user, "a temporary passphrase");
        HttpResponse<String> api = get(again, "/api/v1/units");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("choose a new one");
        HttpResponse<String> other = get(again, "/cascade");
        assertThat(other.statusCode()).isEqualTo(302);
        assertThat(other.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/password"));
        assertThat(get(again, "/password").statusCode()).isEqualTo(200);

        String token = SystemUser.runAs(user, () -> tokens.create("Script")).token();
        HttpResponse<String> withToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/units"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as("tokens too wait for the new password").isEqualTo(403);

        SystemUser.runAs(user, () -> access.changeOwnPassword("a temporary passphrase", "my very own passphrase"));
        HttpClient fresh = browser();
        signIn(fresh, user, "my very own passphrase");
        assertThat(get(fresh, "/api/v1/units").statusCode()).isEqualTo(200);
    }

    @Test
    void deactivation_ends_the_users_sessions() throws Exception {
        String user = newUser("leaving.user");
        HttpClient session = browser();
        signIn(session, user, PASSWORD);
        assertThat(get(session, "/api/v1/units").statusCode()).isEqualTo(200);

        SystemUser.runAs("admin", () -> access.deactivate(id(user)));

        assertThat(get(session, "/api/v1/units").statusCode()).isEqualTo(401);
    }

    /** Sent back to the sign-in page (or refused), never signed in. */
    private static void assertRefused(HttpResponse<String> response) {
        if (response.statusCode() != 403) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/login"));
        }
    }

    private String newUser(String prefix) {
        String username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        SystemUser.runAs("admin", () -> access.createUser(username, "Test " + prefix, null, PASSWORD, false));
        return username;
    }

    private long id(String username) {
        return SystemUser.runAs("admin", () -> access.users()).stream().filter(u -> u.username().equals(username))
                .findFirst().orElseThrow().id();
    }

    /** Signs in as the sign-in page does: its CSRF token from the page, then the form POST. */
    HttpResponse<String> signIn(HttpClient client, String username, String password) throws Exception {
        HttpResponse<String> page = get(client, "/login");
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the sign-in page carries its CSRF token").isTrue();
        HttpResponse<String> response = post(client, "/login", form("username", username, "password", password, "_csrf", token.group(1)));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return response;
    }

    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
