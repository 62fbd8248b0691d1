package app.catchball.screens;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.Browser;
import app.catchball.support.SpringTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The X-matrix in a real browser: every demo matrix prints (Chromium's Page.printToPDF with the
 * app's print CSS) on exactly one A3 landscape page, warnings included; and an item is reached by
 * Tab and opens its line of sight with Enter.
 */
@SpringTest
class XMatrixPrintBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void every_demo_x_matrix_prints_on_one_a3_landscape_page_with_its_warnings() throws Exception {
        Map<String, Integer> pages = new LinkedHashMap<>();
        try (Browser browser = new Browser(port)) {
            browser.driver().manage().window().setSize(new Dimension(1440, 900));
            browser.signIn("chief.exec", "catchball");
            browser.waitFor(By.tagName("vaadin-app-layout"));
            for (String unit : new String[] {"NTH", "MED", "EAM", "W7"}) {
                open(browser, "x-matrix?unit=" + unit);
                PrintOptions a3 = new PrintOptions();
                a3.setPageSize(new PageSize(42.0, 29.7));
                a3.setOrientation(PrintOptions.Orientation.LANDSCAPE);
                a3.setBackground(true);
                byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser.driver()).print(a3).getContent());
                Path file = Path.of("target", "screens", "x-matrix-" + unit + "-A3.pdf");
                Files.createDirectories(file.getParent());
                Files.write(file, pdf);
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    pages.put(unit, document.getNumberOfPages());
                    if (unit.equals("W7")) {
                        String text = new PDFTextStripper().getText(document);
                        assertThat(text).as("Ward 7's warnings are printed").contains("Warnings");
                    }
                }
            }
        }
        System.out.println("A3 pages per X-matrix: " + pages);
        assertThat(pages).isEqualTo(Map.of("NTH", 1, "MED", 1, "EAM", 1, "W7", 1));
    }

    @Test
    void an_item_is_reached_by_tab_and_enter_opens_its_line_of_sight() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.driver().manage().window().setSize(new Dimension(1440, 900));
            browser.signIn("viewer", "catchball");
            browser.waitFor(By.tagName("vaadin-app-layout"));
            open(browser, "x-matrix?unit=W7");
            WebElement matrix = browser.waitFor(By.tagName("x-matrix"));
            WebElement grid = matrix.getShadowRoot().findElement(By.cssSelector("[role='grid']"));
            assertThat(grid.getDomAttribute("aria-readonly")).as("a Viewer's matrix says it is read only").isEqualTo("true");

            // Tab from the matrix's first focusable element until an item has the focus.
            ((JavascriptExecutor) browser.driver()).executeScript("document.activeElement && document.activeElement.blur()");
            Actions keys = new Actions(browser.driver());
            String focused = null;
            for (int i = 0; i < 80 && focused == null; i++) {
                keys.sendKeys(Keys.TAB).perform();
                focused = (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                        const f = document.querySelector('x-matrix').shadowRoot.activeElement;
                        return f && f.classList.contains('item') ? f.getAttribute('aria-label') : null;""");
            }
            assertThat(focused).as("an X-matrix item is reached by Tab").isNotNull();
            keys.sendKeys(Keys.ENTER).perform();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector(".line-of-sight li.true-north")).isEmpty());
        }
    }

    static void open(Browser browser, String route) {
        browser.open(route);
        browser.waitFor(By.tagName("x-matrix"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && Object.values(clients).every(c => !c.isActive())
                    && !!document.querySelector('x-matrix').shadowRoot.querySelector('svg');""")));
    }
}
