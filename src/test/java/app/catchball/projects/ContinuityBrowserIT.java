package app.catchball.projects;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.security.AccessService;
import app.catchball.security.Role;
import app.catchball.security.SystemUser;
import app.catchball.security.UserSummary;
import app.catchball.support.Browser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: a project's lead leaves the trust; the directorate lead opens the continuity
 * board, hands the project over to a new lead with a note, and the project leaves the list. The
 * project, its leaver and its new lead are on a ward of the test's own, under the directorate.
 */
@SpringTest
class ContinuityBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    PlanFixture fixture;

    @Autowired
    ProjectService projects;

    @Autowired
    ContinuityService continuity;

    @Autowired
    AccessService access;

    @Autowired
    Fixtures fixtures;

    @Test
    void the_directorate_lead_hands_over_a_project_whose_lead_left() throws Exception {
        String title = "Cardiology ward round checklist";
        Fixtures.Ward ward = fixtures.ward("Handover ward");
        String newLead = "Contributor on " + ward.name();
        ProjectSummary project = SystemUser.runAs("admin", () -> {
            UserSummary leaver = access.createUser("b." + UUID.randomUUID().toString().substring(0, 8), "Bea Leaving", null,
                    "Str0ng-" + UUID.randomUUID(), false);
            access.grant(leaver.id(), ward.id(), Role.CONTRIBUTOR);
            ProjectSummary created = projects.create(ward.id(),
                    ProjectDraft.titled(title).withLead(leaver.id()).withStage(ProjectStage.TESTING));
            access.deactivate(leaver.id());
            return created;
        });
        try (Browser browser = new Browser(port)) {
            browser.signIn("acute.lead", "catchball");
            browser.waitForText("Your units");
            browser.open("continuity?unit=EAM");
            browser.waitForText(title);
            browser.waitForText("Bea Leaving was deactivated");

            click(browser, browser.waitFor(By.id("handover-" + project.id())));
            WebElement lead = browser.waitFor(By.cssSelector("vaadin-combo-box#new-lead input"));
            lead.sendKeys(newLead);
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
            lead.sendKeys(Keys.ENTER);
            browser.driver().findElement(By.cssSelector("vaadin-text-area#handover-note textarea"))
                    .sendKeys("Checklist tested on two ward rounds; next: the weekend team.");
            browser.screenshot("continuity-handover-dialog");
            click(browser, browser.driver().findElement(By.id("handover-save")));

            browser.waitForText(title + " is now led by " + newLead + ".");
            wait.until(d -> d.findElements(By.id("handover-" + project.id())).stream().noneMatch(WebElement::isDisplayed));
            assertThat(SystemUser.runAs("coach", () -> continuity.continuity(fixture.unit("EAM"))).needsNewLead())
                    .noneMatch(o -> o.project().id() == project.id());
            browser.screenshot("continuity-after-handover");
        }
    }

    private static void click(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
