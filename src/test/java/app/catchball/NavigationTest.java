package app.catchball;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NavigationTest extends KaribuTest {

    @Test
    void an_anonymous_visitor_is_sent_to_sign_in() {
        UI.getCurrent().navigate("");

        _get(LoginForm.class);
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("login");
    }

    @Test
    void an_anonymous_visitor_cannot_reach_the_organisation_either() {
        UI.getCurrent().navigate("organisation");

        _get(LoginForm.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "admin             | Home, Reminders, X-matrix, Catchball, Cascade, Metrics, Review, Projects, Capability, Continuity, Compliance, Organisation, Cycles, Audit, Users",
            "chief.exec        | Home, Reminders, X-matrix, Catchball, Cascade, Metrics, Review, Projects, Capability, Continuity, Organisation, Cycles",
            "medicine.director | Home, Reminders, X-matrix, Catchball, Cascade, Metrics, Review, Projects, Capability, Continuity, Organisation, Cycles",
            "acute.lead        | Home, Reminders, X-matrix, Catchball, Cascade, Metrics, Review, Projects, Capability, Continuity, Organisation, Cycles",
            "ward7.manager     | Home, Reminders, X-matrix, Catchball, Cascade, Metrics, Review, Projects, Capability, Continuity, Organisation, Cycles",
            "ward7.nurse       | Home, Reminders, X-matrix, Catchball, Cascade, Metrics, Review, Projects, Capability, Continuity, Organisation, Cycles",
            "coach             | Home, Reminders, X-matrix, Catchball, Cascade, Metrics, Review, Projects, Capability, Continuity, Compliance, Organisation, Cycles, Audit",
            "viewer            | Home, Reminders, X-matrix, Catchball, Cascade, Metrics, Review, Projects, Capability, Continuity, Organisation, Cycles"})
    void each_demo_user_sees_the_menu_entries_they_may_open(String username, String entries) {
        login(username);

        List<String> labels = _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).containsExactly(entries.split(", "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x-matrix         | X-matrix · Catchball",
            "cascade          | Cascade · Catchball",
            "reminders        | Reminders · Catchball"})
    void each_page_carries_its_own_title_after_navigating_between_pages(String location, String title) {
        login("ward7.manager");
        UI.getCurrent().navigate("");

        UI.getCurrent().navigate(location);

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(title);
    }
}
