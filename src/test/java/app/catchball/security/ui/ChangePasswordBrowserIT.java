package app.catchball.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.security.AccessService;
import app.catchball.security.SystemUser;
import app.catchball.support.Browser;
import app.catchball.support.SpringTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser: the Vaadin sign-in form sends its CSRF token; a user who changes their own
 * password stays signed in there, while their other session (here a second client) ends.
 */
@SpringTest
class ChangePasswordBrowserIT {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    AccessService access;

    @Test
    void changing_your_own_password_ends_your_other_sessions_and_keeps_this_one() throws Exception {
        SystemUser.runAs("admin", () -> access.createUser("two.devices", "Tess Devices", null, "the first passphrase", false));
        HttpClient laptop = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(laptop, "two.devices", "the first passphrase");
        assertThat(get(laptop, "/api/v1/units").statusCode()).isEqualTo(200);

        try (Browser browser = new Browser(port)) {
            browser.signIn("two.devices", "the first passphrase");
            browser.waitForText("Sign out");
            browser.open("password");
            field(browser, "Current password").sendKeys("the first passphrase");
            field(browser, "New password").sendKeys("a second passphrase");
            field(browser, "Repeat new password").sendKeys("a second passphrase");
            browser.driver().findElement(By.xpath("//vaadin-button[normalize-space(.)='Change password']")).click();
            browser.waitForText("Password changed.");

            assertThat(get(laptop, "/api/v1/units").statusCode()).as("the other session has ended").isEqualTo(401);
            browser.open("profile");
            browser.waitForText("Sign out");
            assertThat(browser.driver().getCurrentUrl()).as("this session goes on").endsWith("/profile");
        }
    }

    private static WebElement field(Browser browser, String label) {
        return browser.waitFor(By.xpath("//vaadin-password-field[label[normalize-space(.)='" + label + "']]//input"));
    }

    private void signIn(HttpClient client, String username, String password) throws Exception {
        Matcher token = CSRF.matcher(get(client, "/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
