package app.catchball.catchball;

import app.catchball.planning.ItemKind;
import app.catchball.support.Browser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people in two real browsers: a division's lead proposes to a directorate below (units of the
 * test's own), its lead sees the proposal arrive in the open inbox and counters, and the division's
 * lead sees the counter arrive in the open thread — no reloads (Vaadin Push).
 */
@SpringTest
class CatchballBrowserIT {

    private static final String ITEM = "Cut inpatient falls with harm by 30%";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void a_proposal_and_a_counter_arrive_live_on_the_other_side() throws Exception {
        Fixtures.Levels levels = fixtures.levels("Browser");
        Fixtures.Ward division = levels.division();
        Fixtures.Ward directorate = levels.directorate();
        long item = fixtures.item(division, ItemKind.PRIORITY, ITEM).id();
        try (Browser director = new Browser(port); Browser lead = new Browser(port)) {
            lead.signIn(directorate.lead(), fixtures.password());
            lead.waitForText("Your units");
            lead.open("catchball");
            lead.waitForText("Waiting on me");

            director.signIn(division.lead(), fixtures.password());
            director.waitForText("Your units");
            director.open("catchball?propose=" + item);
            director.waitFor(By.xpath("//vaadin-checkbox[.//label[text()='" + directorate.name() + "']]")).click();
            field(director, "vaadin-text-field", "Target").sendKeys("30 % fewer falls with harm");
            field(director, "vaadin-text-area", "Message").sendKeys("Can the directorate carry this?");
            director.waitFor(By.xpath("//vaadin-button[normalize-space(.)='Send proposal']")).click();
            director.waitForText("Waiting on " + directorate.name());

            lead.waitFor(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + ITEM + "']")).click();
            lead.waitForText("Can the directorate carry this?");
            lead.waitFor(By.xpath("//vaadin-button[normalize-space(.)='Counter-propose']")).click();
            WebElement target = field(lead, "vaadin-text-field", "Target");
            target.clear();
            target.sendKeys("20 % fewer falls with harm");
            field(lead, "vaadin-text-area", "Message").sendKeys("20 % without a falls practitioner.");
            lead.waitFor(By.xpath("//vaadin-button[normalize-space(.)='Send counter-propose']")).click();
            lead.waitForText("Waiting on " + division.name());

            director.waitForText("target 30 % fewer falls with harm → 20 % fewer falls with harm");
            director.waitForText("Waiting on " + division.name());
            director.screenshot("catchball-director-sees-counter");
            lead.screenshot("catchball-lead-countered");
        }
    }

    private static WebElement field(Browser browser, String tag, String label) {
        return browser.waitFor(By.xpath("//" + tag + "[.//label[normalize-space(.)='" + label + "']]//"
                + (tag.equals("vaadin-text-area") ? "textarea" : "input")));
    }
}
