package app.catchball.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.Browser;
import app.catchball.support.SpringTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: the "Export" menu opens on the projects list and its "CSV" link is a download
 * the signed-in session may fetch, with the list's rows in it.
 */
@SpringTest
class ExportBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void the_export_menu_offers_csv_and_excel_downloads_of_the_list() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("ward7.manager", "catchball");
            browser.waitForText("Your units");
            browser.open("projects?unit=W7");
            browser.waitForText("Falls safety huddle");

            WebElement export = browser.waitFor(By.cssSelector("vaadin-menu-bar.export-menu vaadin-menu-bar-button"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", export);
            WebElement csv = browser.waitFor(By.cssSelector("a.export-csv"));
            browser.waitFor(By.cssSelector("a.export-xlsx"));
            browser.screenshot("export-menu-open");
            assertThat(csv.getAttribute("download")).isNotNull();

            @SuppressWarnings("unchecked")
            List<String> answer = (List<String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0].href).then(r => r.text().then(t => done(
                        [String(r.status), r.headers.get('Content-Disposition') || '', t])));
                    """, csv);
            assertThat(answer.get(0)).isEqualTo("200");
            assertThat(answer.get(1)).contains("attachment").contains("projects-w7.csv");
            assertThat(answer.get(2)).contains("Project,Unit,Stage,Lead").contains("Falls safety huddle");
        }
    }
}
