package app.catchball.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 12, points 8 and 9 on the screens: the commentary indicator, the notes on the chart, the forms. */
class MetricNotesViewTest extends KaribuTest {

    @Autowired
    MetricsService metrics;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    private MetricInfo ward7(String title) {
        return SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).stream()
                .filter(m -> m.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void the_indicator_on_a_bowling_chart_row_opens_the_latest_commentary_and_the_phone_cards_carry_it_too() {
        login("viewer");
        UI.getCurrent().navigate(MetricsView.class, QueryParameters.simple(Map.of("unit", "W7", "cycle", String.valueOf(fixture.cycle()))));

        @SuppressWarnings("unchecked")
        Grid<BowlingChart.Row> grid = _get(Grid.class, spec -> spec.withClasses("bowling-chart"));
        int falls = 0;
        while (!GridKt._get(grid, falls).metric().title().equals("Falls with harm")) {
            falls++;
        }
        Button indicator = (Button) GridKt._getCellComponent(grid, falls, "commentary");
        assertThat(indicator.getText()).isEqualTo("Oct 2026");
        _click(indicator);

        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("M2 Falls with harm · Oct 2026");
        assertThat(_find(dialog, H4.class).stream().map(H4::getText)).containsExactly("What happened", "Why", "What next");
        assertThat(_find(dialog, Paragraph.class).stream().map(Paragraph::getText))
                .contains("2 falls with harm, back within the usual range.", "Night staffing back to our own team.");

        BowlingCards cards = _get(BowlingCards.class);
        assertThat(_find(cards, Button.class, spec -> spec.withClasses("commentary-indicator")).stream()
                .map(b -> b.getElement().getAttribute("aria-label"))).contains("Commentary of Oct 2026 on M2 Falls with harm");
    }

    @Test
    void the_demo_note_is_drawn_on_the_chart_with_its_text_and_listed_below_and_a_viewer_may_not_add_one() {
        login("viewer");
        UI.getCurrent().navigate(MetricView.class, ward7("Discharges before noon").id());

        assertThat(_get(NotesChart.class).svg()).contains("class=\"spc-annotation\"")
                .contains("<title>3 Nov 2025: Daily discharge huddle started</title>");
        assertThat(_find(Span.class).stream().map(Span::getText)).contains("3 Nov 2025 · Daily discharge huddle started · Tom Ellis");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).contains("30% before noon; the discharge lounge pilot began on 14 October.");
        assertThat(_find(Button.class, spec -> spec.withText("Add note"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Save commentary"))).isEmpty();
    }

    @Test
    void a_contributor_adds_a_note_and_writes_the_months_commentary_on_the_metric_page() {
        Fixtures.Ward ward = fixtures.ward("Notes screen ward");
        long id = fixtures.metric(ward, "Notes screen probe").id();
        login(ward.contributor());
        UI.getCurrent().navigate(MetricView.class, id);

        setValue(_get(DatePicker.class, spec -> spec.withLabel("Date of the note")), LocalDate.now());
        setValue(_get(TextField.class, spec -> spec.withLabel("Note")), "New board round started");
        _click(_get(Button.class, spec -> spec.withText("Add note")));
        expectNotifications("Note added.");
        assertThat(_find(Span.class).stream().map(Span::getText)).anyMatch(t -> t.endsWith(" · New board round started · Contributor on " + ward.name()));

        setValue(_get(TextArea.class, spec -> spec.withLabel("What happened")), "");
        _click(_get(Button.class, spec -> spec.withText("Save commentary")));
        expectNotifications("Please say what happened.");
        setValue(_get(TextArea.class, spec -> spec.withLabel("What happened")), "A quiet month");
        setValue(_get(TextArea.class, spec -> spec.withLabel("Why")), "Fewer admissions");
        _click(_get(Button.class, spec -> spec.withText("Save commentary")));
        expectNotifications("Commentary saved.");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).contains("A quiet month", "Fewer admissions");
        assertThat(_get(TextArea.class, spec -> spec.withLabel("What happened")).getValue()).isEqualTo("A quiet month");
    }
}
