package app.catchball.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one cycle picker of Metrics and the SPC summary: the cycle of the URL, else the current one; a pick navigates. */
class CyclePickerViewTest extends KaribuTest {

    @Autowired
    CycleService cycles;

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    @Test
    void metrics_and_the_spc_summary_open_on_the_cycle_asked_for_else_the_current_one_and_a_pick_navigates() {
        List<CycleSummary> all = SystemUser.runAs("viewer", cycles::cycles);
        CycleSummary current = all.stream().filter(CycleSummary::current).findFirst().orElseThrow();
        CycleSummary previous = all.stream().filter(c -> c.name().equals("2025/26")).findFirst().orElseThrow();
        login("viewer");
        for (String route : new String[] {"metrics", "metrics/spc-summary"}) {
            UI.getCurrent().navigate(route, QueryParameters.fromString("unit=W7"));
            CyclePicker picker = _get(CyclePicker.class);
            assertThat(picker.getLabel()).isEqualTo("Cycle");
            assertThat(picker.getValue()).as(route).isEqualTo(current);
            assertThat(picker.getListDataView().getItems().map(picker.getItemLabelGenerator())).as(route)
                    .containsExactlyElementsOf(all.stream().map(CycleSummary::name).toList());

            UI.getCurrent().navigate(route, QueryParameters.fromString("unit=W7&cycle=" + previous.id()));
            assertThat(_get(CyclePicker.class).getValue()).as(route).isEqualTo(previous);
            assertThat(location()).as("showing the cycle asked for does not navigate again").isEqualTo(route + "?unit=W7&cycle=" + previous.id());

            setValue(_get(CyclePicker.class), current);
            assertThat(location()).as(route).isEqualTo(route + "?unit=W7&cycle=" + current.id());
        }
    }
}
