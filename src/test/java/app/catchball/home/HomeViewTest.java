package app.catchball.home;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class HomeViewTest extends KaribuTest {

    @Test
    void the_ward_manager_sees_their_ward_with_its_path_to_the_trust() {
        login("ward7.manager");

        _get(H2.class, spec -> spec.withText("Welcome, Tom Ellis"));
        _get(Span.class, spec -> spec.withText("Ward 7 — Respiratory › Emergency & Acute Medicine › Division of Medicine"
                + " › Northshore Teaching Hospitals NHS Foundation Trust"));
    }

    @Test
    void a_metric_owner_is_asked_for_a_countermeasure_on_the_home_page() {
        login("acute.lead");

        _get(H3.class, spec -> spec.withText("Metrics asking you for a countermeasure"));
        Assertions.assertThat(LocatorJ._find(
                        RouterLink.class).stream().map(a -> a.getText()))
                .anyMatch(t -> t.startsWith("M2 Average length of stay (Emergency & Acute Medicine): "));
    }

    @Test
    void overdue_actions_are_flagged_on_their_owner_s_home() {
        login("ward7.manager");

        _get(H3.class, spec -> spec.withText("Your overdue actions"));
        Assertions.assertThat(LocatorJ._find(RouterLink.class, spec -> spec.withClasses("action-overdue")).stream()
                        .map(RouterLink::getText))
                .contains("Audit falls risk assessments on every admission for a month (Ward 7 — Respiratory): due 13 Nov 2026");
    }
}
