package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.Browser;
import app.catchball.support.SpringTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real browser journey: sign in as the Ward 7 manager through the real sign-in page. */
@SpringTest
class SignInBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void the_ward_manager_signs_in_and_sees_the_ward_with_its_path() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.open("");
            browser.waitForText("Demo users");

            browser.signIn("ward7.manager", "catchball");

            browser.waitForText("Ward 7 — Respiratory › Emergency & Acute Medicine › Division of Medicine"
                    + " › Northshore Teaching Hospitals NHS Foundation Trust");
            Path shot = browser.screenshot("home-ward7-manager");
            assertThat(Files.size(shot)).isPositive();
        }
    }
}
