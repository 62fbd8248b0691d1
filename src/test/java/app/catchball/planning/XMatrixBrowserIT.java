package app.catchball.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.Browser;
import app.catchball.support.SpringTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real browser: the Ward 7 manager opens the ward's X-matrix and clicks a corner cell. */
@SpringTest
class XMatrixBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    PlanFixture fixture;

    @Test
    void the_ward_manager_clicks_a_corner_cell_and_sees_the_symbol_change() throws Exception {
        String p3 = fixture.item("W7", "Discharge lounge pilot").code();
        String m2 = fixture.item("W7", "Falls with harm").code();
        try (Browser browser = new Browser(port)) {
            browser.signIn("ward7.manager", "catchball");
            browser.waitForText("Your units");
            browser.open("x-matrix");
            WebElement matrix = browser.waitFor(By.tagName("x-matrix"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            String before = p3 + " × " + m2 + ": no correlation";
            WebElement cell = wait.until(d -> cell(matrix.getShadowRoot(), before));

            cell.click();

            WebElement strong = wait.until(d -> cell(matrix.getShadowRoot(), p3 + " × " + m2 + ": strong"));
            assertThat(strong.getText()).contains("●");
            browser.waitForText("saved");
            browser.screenshot("x-matrix-ward7-cell-clicked");

            // Keep cycling — important, weak, none — which also leaves the demo data as it was.
            for (String next : new String[] {"important", "weak", "no correlation"}) {
                cell(matrix.getShadowRoot(), p3 + " × " + m2 + ": " + current(next)).click();
                wait.until(d -> cell(matrix.getShadowRoot(), p3 + " × " + m2 + ": " + next));
            }
        }
    }

    private static String current(String next) {
        return switch (next) {
            case "important" -> "strong";
            case "weak" -> "important";
            default -> "weak";
        };
    }

    private static WebElement cell(SearchContext root, String label) {
        return root.findElements(By.cssSelector("[aria-label='" + label + "']")).stream().findFirst().orElse(null);
    }
}
