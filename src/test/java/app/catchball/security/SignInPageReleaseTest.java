package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.LiveUis;
import app.catchball.support.SpringTest;
import com.vaadin.flow.component.UI;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The sign-in page's UI goes once the sign-in succeeds (issue 15, "UIs go when their tab goes"): one
 * tab, over real HTTP, opens the sign-in page's UI as the browser's bootstrap does, signs in through
 * the form, and opens the page it was sent to; the session then holds that page's UI alone.
 */
@SpringTest
class SignInPageReleaseTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "a long release passphrase";

    @LocalServerPort
    int port;

    @Autowired
    AccessService access;

    @Autowired
    ApplicationContext context;

    @Test
    void the_sign_in_page_keeps_no_ui_after_a_successful_sign_in() throws Exception {
        String username = "release.user." + UUID.randomUUID().toString().substring(0, 8);
        SystemUser.runAs("admin", () -> access.createUser(username, "Release user", null, PASSWORD, false));
        CookieManager cookies = new CookieManager();
        HttpClient tab = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        Matcher token = CSRF.matcher(send(tab, HttpRequest.newBuilder(uri("/login"))).body());
        assertThat(token.find()).isTrue();
        open(tab, "login");
        List<Integer> signInPage = uiIds(cookies);
        assertThat(signInPage).as("the sign-in page's UI, before signing in").isNotEmpty();

        HttpResponse<String> signedIn = send(tab, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        open(tab, "x-matrix");

        List<Integer> after = uiIds(cookies);
        assertThat(after).as("UIs left in the session after signing in").hasSize(1).doesNotContainAnyElementsOf(signInPage);
    }

    /** Opens a UI on the route as the browser's bootstrap does ({@code ?v-r=init}). */
    private void open(HttpClient tab, String route) throws Exception {
        HttpResponse<String> init = send(tab, HttpRequest.newBuilder(uri("/?v-r=init&location=" + route + "&query=")));
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
    }

    /** The ids of the UIs the tab's session holds. */
    private List<Integer> uiIds(CookieManager cookies) {
        String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        return LiveUis.ofSession(context, session).stream()
                .map(UI::getUIId).toList();
    }

    private HttpResponse<String> send(HttpClient tab, HttpRequest.Builder request) throws Exception {
        return tab.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
