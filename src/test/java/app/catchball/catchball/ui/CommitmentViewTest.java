package app.catchball.catchball.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.catchball.CatchballService;
import app.catchball.catchball.InboxRow;
import app.catchball.metrics.MetricInfo;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Catchball on a number for a metric, on screen: the proposal dialog and the agreed thread. */
class CommitmentViewTest extends KaribuTest {

    @Autowired
    CatchballService catchball;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    @Test
    void the_agreed_demo_thread_names_the_metric_and_links_the_childs_metric_with_the_agreed_target() {
        InboxRow amu = SystemUser.runAs("viewer", () -> catchball.inbox(fixture.cycle(), fixture.unit("AMU"))).stream()
                .filter(r -> r.title().equals("Enhanced observation for high-risk patients")).findFirst().orElseThrow();
        login("viewer");
        UI.getCurrent().navigate(ThreadPage.class, amu.linkId());

        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(t -> t.matches("The target is a number for M\\d+ Falls with harm \\(Emergency & Acute Medicine\\), added up by sum\\."));
        assertThat(_find(RouterLink.class).stream().map(RouterLink::getText))
                .anyMatch(t -> t.matches("Agreed number in Acute Medical Unit's M\\d+ Falls with harm: target 3"));
    }

    @Test
    void a_lead_proposes_a_number_for_a_metric_and_a_target_in_words_is_refused() {
        Fixtures.Ward directorate = fixtures.levels("Commitment").directorate();
        Fixtures.Ward ward = fixtures.below(directorate, "Commitment ward");
        fixtures.metric(directorate, "Falls with harm");
        ItemView priority = fixtures.item(directorate, ItemKind.PRIORITY, "Lying and standing blood pressure checks");
        login(directorate.lead());
        UI.getCurrent().navigate(CatchballView.class);
        _click(_get(Button.class, spec -> spec.withText("Propose to units below…")));
        @SuppressWarnings("unchecked")
        ComboBox<ItemView> item = _get(ComboBox.class, spec -> spec.withLabel("Item"));
        setValue(item, item.getListDataView().getItems().filter(i -> i.id() == priority.id()).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        CheckboxGroup<UnitNode> to = _get(CheckboxGroup.class, spec -> spec.withLabel("Propose to"));
        setValue(to, Set.of(to.getListDataView().getItems().filter(u -> u.shortCode().equals(ward.code())).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        ComboBox<MetricInfo> metric = _get(ComboBox.class, spec -> spec.withLabel("Number for metric"));
        setValue(metric, metric.getListDataView().getItems().filter(m -> m.title().equals("Falls with harm")).findFirst().orElseThrow());
        setValue(_get(TextField.class, spec -> spec.withLabel("Target")), "fewer");
        _click(_get(Button.class, spec -> spec.withText("Send proposal")));

        expectNotifications("The target “fewer” is not a number: a proposal for " + metric.getValue().label()
                + " needs a number as its target, such as 18.");

        setValue(_get(TextField.class, spec -> spec.withLabel("Target")), "1");
        _click(_get(Button.class, spec -> spec.withText("Send proposal")));
        expectNotifications("Proposal sent to " + ward.name() + ".");
        _get(Paragraph.class, spec -> spec.withText("The target is a number for " + metric.getValue().label()
                + " (" + directorate.name() + "), added up by sum."));
    }
}
