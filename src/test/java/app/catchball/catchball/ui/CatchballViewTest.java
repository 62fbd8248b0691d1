package app.catchball.catchball.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.base.UnitDirectory;
import app.catchball.base.ui.UnitPicker;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.InboxRow;
import app.catchball.catchball.Move;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.Proposal;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CatchballViewTest extends KaribuTest {

    @Autowired
    CatchballService catchball;

    @Autowired
    PlanFixture fixture;

    @Autowired
    UnitDirectory units;

    @Autowired
    Fixtures fixtures;

    /** The class's own two levels: proposals go from the division down to the directorate. */
    private Fixtures.Levels levels() {
        return fixtures.sharedBy(CatchballViewTest.class, () -> fixtures.levels("Catchball"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles() {
        Grid<InboxRow> grid = _get(Grid.class, spec -> spec.withClasses("inbox"));
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            titles.add(GridKt._get(grid, i).title());
        }
        return titles;
    }

    private CascadeLinkView directorProposes(String title) {
        ItemView item = fixtures.item(levels().division(), ItemKind.PRIORITY, title);
        return SystemUser.runAs(levels().division().lead(), () -> catchball.proposeDown(item.id(), List.of(levels().directorate().id()),
                new Proposal(title, "95 %", null, null, null), "Please take this on.")).getFirst();
    }

    @Test
    void the_inbox_counts_what_waits_on_me_and_on_them() {
        login("acute.lead");
        UI.getCurrent().navigate(CatchballView.class);

        List<String> tabs = _find(Tab.class).stream().map(Tab::getLabel).toList();
        assertThat(tabs).hasSize(4);
        assertThat(tabs.getFirst()).startsWith("Waiting on me (");
        assertThat(titles()).contains("Pharmacy-led discharge medicines round", "A third of discharges before noon on every ward");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_proposes_from_any_unit_chosen_in_the_lazy_unit_picker() {
        login("admin");
        UI.getCurrent().navigate(CatchballView.class);
        _click(_get(Button.class, spec -> spec.withText("Propose to units below…")));

        UnitPicker from = _get(UnitPicker.class, spec -> spec.withLabel("From unit"));
        from.setValue(units.byCodeOrId("EAM").orElseThrow());

        CheckboxGroup<UnitNode> to = _get(CheckboxGroup.class, spec -> spec.withLabel("Propose to"));
        assertThat(to.getListDataView().getItems().map(UnitNode::name).toList()).contains("Ward 7 — Respiratory");
    }

    @Test
    void a_proposal_from_the_other_side_appears_in_the_open_inbox_without_a_reload() {
        login(levels().directorate().lead());
        UI.getCurrent().navigate(CatchballView.class);
        assertThat(titles()).doesNotContain("Hospital at home for COPD");

        directorProposes("Hospital at home for COPD");

        within2s(() -> assertThat(titles()).contains("Hospital at home for COPD"));
        expectNotifications("Lead of " + levels().division().name() + " proposed “Hospital at home for COPD” — it is your turn.");
    }

    @Test
    void the_child_lead_counters_in_the_thread_and_the_change_stands_out() {
        CascadeLinkView link = directorProposes("Respiratory hot clinic");
        login(levels().directorate().lead());
        UI.getCurrent().navigate(ThreadPage.class, link.id());

        _click(_get(Button.class, spec -> spec.withText("Counter-propose")));
        setValue(_get(TextField.class, spec -> spec.withLabel("Target")), "90 %");
        _click(_get(Button.class, spec -> spec.withText("Send counter-propose")));

        expectNotifications("You countered.");
        _get(ListItem.class, spec -> spec.withText("target 95 % → 90 %"));
        _get(Span.class, spec -> spec.withText("Waiting on " + levels().division().name()));
    }

    @Test
    void an_open_thread_shows_the_other_sides_step_as_it_happens() {
        Fixtures.Levels levels = levels();
        CascadeLinkView link = directorProposes("Oxygen weaning protocol");
        login(levels.division().lead());
        UI.getCurrent().navigate(ThreadPage.class, link.id());
        _get(Span.class, spec -> spec.withText("Waiting on " + levels.directorate().name()));

        SystemUser.runAs(levels.directorate().lead(), () -> catchball.act(link.id(), Move.QUERY, null, "Which wards?"));

        within2s(() -> _get(Span.class, spec -> spec.withText("Waiting on " + levels.division().name())));
        _get(Button.class, spec -> spec.withText("Answer"));
        assertThat(_find(Span.class).stream().map(Span::getText)).anyMatch(t -> t.startsWith(
                "Lead of " + levels.directorate().name() + " (" + levels.directorate().name() + ") asked a question"));
    }

    @Test
    void an_agreed_thread_says_when_and_after_how_many_rounds_with_a_link_to_the_matrix() {
        CascadeLinkView link = directorProposes("Home oxygen review clinic");
        SystemUser.runAs(levels().directorate().lead(), () -> catchball.act(link.id(), Move.ACCEPT, null, null));
        login("viewer");
        UI.getCurrent().navigate(ThreadPage.class, link.id());

        assertThat(_find(Paragraph.class).stream().map(p -> p.getText()))
                .anyMatch(t -> t.matches("Agreed on \\d{1,2} \\w{3} \\d{4} after 1 round\\."));
        _get(RouterLink.class, spec -> spec.withText("Open " + levels().directorate().name() + "’s X-matrix"));
        assertThat(_find(Button.class, spec -> spec.withText("Reopen"))).isEmpty();
    }

    @Test
    void the_home_page_shows_how_many_proposals_wait_on_me() {
        login("medicine.director");

        long waiting = SystemUser.runAs("medicine.director", () -> catchball.waitingOnMe());
        assertThat(waiting).isPositive();
        _get(RouterLink.class, spec -> spec.withText("Catchball: " + waiting + (waiting == 1 ? " proposal is" : " proposals are")
                + " waiting on you"));
        NotificationsKt.clearNotifications();
    }
}
