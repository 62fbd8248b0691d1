package app.catchball.capability.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.capability.CoachingSuggestion;
import app.catchball.capability.PersonCapability;
import app.catchball.capability.SkillLevelView;
import app.catchball.projects.ProjectSummary;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CapabilityViewTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    static <T> List<T> rows(String className) {
        Grid<T> grid = _get(Grid.class, spec -> spec.withClasses(className));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    @SuppressWarnings("unchecked")
    static boolean recordButtonVisible() {
        Grid<PersonCapability> grid = _get(Grid.class, spec -> spec.withClasses("capability-people"));
        return GridKt._getCellComponent(grid, 0, "record").isVisible();
    }

    @Test
    void the_coach_sees_the_trusts_capability_mix_and_may_record() {
        login("coach");
        UI.getCurrent().navigate(CapabilityView.class);

        assertThat(_get(Image.class, spec -> spec.withClasses("capability-mix")).getSrc()).startsWith("data:image/svg+xml;base64,");
        assertThat(CapabilityViewTest.<PersonCapability>rows("intermediate-improvers")).extracting(PersonCapability::displayName)
                .contains("Grace Mensah");
        assertThat(CapabilityViewTest.<CoachingSuggestion>rows("coaching-suggestions")).extracting(CoachingSuggestion::coacheeName)
                .contains("Liam Brown");
        assertThat(CapabilityViewTest.<ProjectSummary>rows("foundation-led"))
                .extracting(ProjectSummary::leadName).contains("Liam Brown");
        assertThat(recordButtonVisible()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withText("Skill levels…"))).noneMatch(Button::isVisible);
    }

    @Test
    void a_ward_lead_sees_the_ward_but_may_not_record_and_an_admin_changes_levels() {
        login("ward7.manager");
        UI.getCurrent().navigate(CapabilityView.class, QueryParameters.simple(Map.of("unit", "W7")));
        assertThat(CapabilityViewTest.<PersonCapability>rows("capability-people")).extracting(PersonCapability::displayName)
                .contains("Tom Ellis", "Grace Mensah");
        assertThat(recordButtonVisible()).isFalse();

        login("admin");
        UI.getCurrent().navigate(CapabilityView.class, QueryParameters.simple(Map.of("unit", "W7")));
        LocatorJ._click(_get(Button.class, spec -> spec.withText("Skill levels…")));
        assertThat(CapabilityViewTest.<SkillLevelView>rows("skill-levels")).hasSizeGreaterThanOrEqualTo(4);
    }
}
