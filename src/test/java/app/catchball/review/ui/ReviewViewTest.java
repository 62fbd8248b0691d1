package app.catchball.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.review.ReviewContent;
import app.catchball.security.UserSummary;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewViewTest extends KaribuTest {

    private static void open(String unit, String month) {
        UI.getCurrent().navigate("review", QueryParameters.fromString("unit=" + unit + "&month=" + month));
    }

    @Test
    void a_viewer_reads_the_published_trust_review_with_its_sections_and_cannot_publish() {
        login("viewer");
        open("NTH", "2026-10");

        assertThat(_get(Span.class, s -> s.withClasses("review-state")).getText()).startsWith("Published ");
        assertThat(_find(H3.class).stream().map(H3::getText)).contains("Bowling chart", "Exceptions",
                "Countermeasures due and overdue", "Catchball threads waiting on this unit", "Priorities",
                "Exceptions in the units below", "Decisions and actions");
        assertThat(_get(Span.class, s -> s.withClasses("priority-roll-up")).getText()).isEqualTo("2 of 4 priorities on track");
        assertThat(_find(RouterLink.class).stream().map(RouterLink::getHref)).containsAnyOf("review?unit=EAM&month=2026-10", "review?month=2026-10&unit=EAM");
        assertThat(_find(Anchor.class).stream().map(Anchor::getText)).contains("Download PDF");
        assertThat(_find(Button.class, s -> s.withText("Publish"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withText("Add decision or action…"))).isEmpty();
    }

    @Test
    void a_ward_lead_records_a_decision_and_publishes_the_review() {
        login("ward7.manager");
        open("W7", "2026-08");
        assertThat(_get(Span.class, s -> s.withClasses("review-state")).getText()).isEqualTo("Not started");

        setValue(_get(TextArea.class, s -> s.withClasses("review-summary")), "A quiet month.");
        _click(_get(Button.class, s -> s.withText("Save summary")));
        expectNotifications("Summary saved.");
        assertThat(_get(Span.class, s -> s.withClasses("review-state")).getText()).isEqualTo("Draft");

        _click(_get(Button.class, s -> s.withText("Add decision or action…")));
        _click(_get(Button.class, s -> s.withText("Save")));
        expectNotifications("Please write the decision or action.");
        setValue(_get(TextArea.class, s -> s.withLabel("Decision or action")), "Repeat the falls audit in September");
        @SuppressWarnings("unchecked")
        ComboBox<UserSummary> owner = _get(ComboBox.class, s -> s.withLabel("Owner"));
        setValue(owner, owner.getListDataView().getItems().filter(u -> u.username().equals("ward7.nurse")).findFirst().orElseThrow());
        setValue(_get(DatePicker.class, s -> s.withLabel("Due date")), LocalDate.of(2026, 9, 30));
        _click(_get(Button.class, s -> s.withText("Save")));
        expectNotifications("Decision recorded.");

        @SuppressWarnings("unchecked")
        Grid<ReviewContent.DecisionLine> log = _get(Grid.class, s -> s.withClasses("decisions-log"));
        assertThat(GridKt._findAll(log)).anyMatch(d -> d.text().equals("Repeat the falls audit in September")
                && d.owner().equals("Grace Mensah") && d.status().equals("Open"));

        _click(_get(Button.class, s -> s.withText("Publish")));
        expectNotifications("Review of Aug 2026 published.");
        assertThat(_get(Span.class, s -> s.withClasses("review-state")).getText()).startsWith("Published ");
        assertThat(_find(Button.class, s -> s.withText("Publish"))).isEmpty();
    }

    @Test
    void a_contributor_reads_the_draft_but_may_not_prepare_it() {
        login("ward7.nurse");
        open("W7", "2026-11");

        assertThat(_get(Span.class, s -> s.withClasses("review-state")).getText()).isEqualTo("Draft");
        assertThat(_find(TextArea.class)).isEmpty();
        assertThat(_find(Button.class, s -> s.withText("Publish"))).isEmpty();
    }
}
