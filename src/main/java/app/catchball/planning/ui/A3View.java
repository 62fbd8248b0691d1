package app.catchball.planning.ui;

import app.catchball.base.Formats;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.Notices;
import app.catchball.planning.A3Action;
import app.catchball.planning.A3Service;
import app.catchball.planning.A3Status;
import app.catchball.planning.A3VersionView;
import app.catchball.planning.PriorityA3;
import app.catchball.security.AccessService;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The A3 of an improvement priority ({@code a3/<priority id>}): background, current and target
 * condition, root cause, actions with owners and milestones, status and % complete, and its
 * history of saved versions. Leads of the priority's unit edit; everyone else reads.
 */
@Route("a3")
@NamedInterface("routes")
@PageTitle("A3 · Catchball")
@PermitAll
public class A3View extends VerticalLayout implements HasUrlParameter<Long> {

    private final A3Service a3s;
    private final AccessService access;
    private final TextArea background = area("Background");
    private final TextArea current = area("Current condition");
    private final TextArea target = area("Target condition");
    private final TextArea rootCause = area("Root cause");
    private final Select<A3Status> status = new Select<>();
    private final IntegerField percent = new IntegerField("% complete");
    private final VerticalLayout actions = new VerticalLayout();
    private final List<ActionRow> actionRows = new ArrayList<>();
    private List<UserSummary> users = List.of();
    private long priorityId;

    A3View(A3Service a3s, AccessService access) {
        this.a3s = a3s;
        this.access = access;
        status.setLabel("Status");
        status.setItems(A3Status.values());
        status.setItemLabelGenerator(A3Status::label);
        percent.setMin(0);
        percent.setMax(100);
        actions.setPadding(false);
    }

    private static TextArea area(String label) {
        TextArea area = new TextArea(label);
        area.setMaxLength(4000);
        area.setWidthFull();
        return area;
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        priorityId = parameter;
        show();
    }

    private void show() {
        removeAll();
        Optional<PriorityA3> loaded = Notices.attempt(() -> a3s.a3(priorityId));
        if (loaded.isEmpty()) {
            add(new H2("A3"));
            return;
        }
        PriorityA3 a3 = loaded.get();
        boolean editable = a3s.mayEdit(priorityId);
        users = editable ? access.users() : List.of();
        add(new H2("A3: " + a3.priorityCode() + " " + a3.priorityTitle()));
        if (!a3.exists()) {
            add(new Span(editable ? "This priority has no A3 yet: write it below." : "This priority has no A3 yet."));
        }
        background.setValue(text(a3.background()));
        current.setValue(text(a3.currentCondition()));
        target.setValue(text(a3.targetCondition()));
        rootCause.setValue(text(a3.rootCause()));
        status.setValue(a3.status());
        percent.setValue(a3.exists() ? a3.percentComplete() : 0);
        FormLayout form = new FormLayout(background, current, target, rootCause, status, percent);
        form.getChildren().forEach(c -> ((HasValue<?, ?>) c).setReadOnly(!editable));
        add(form, new H3("Actions"), actions);
        actions.removeAll();
        actionRows.clear();
        a3.actions().forEach(a -> addAction(a, editable));
        if (editable) {
            Button addAction = new Button("+ Add action", e -> addAction(null, true));
            Button save = new Button("Save A3", e -> Notices.attempt(() -> a3s.save(priorityId, draft(a3), a3.version()),
                    "A3 saved.", this::show));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new HorizontalLayout(addAction, save));
        }
        add(new H3("History"));
        Grid<A3VersionView> history = new Grid<>();
        history.addColumn(A3VersionView::version).setHeader("Version").setAutoWidth(true);
        history.addColumn(v -> Formats.DAY_AND_TIME.format(v.savedAt().atZone(ZoneId.systemDefault()))).setHeader("Saved")
                .setAutoWidth(true);
        history.addColumn(A3VersionView::savedBy).setHeader("By").setAutoWidth(true);
        history.addColumn(v -> v.status().label()).setHeader("Status").setAutoWidth(true);
        history.addColumn(v -> v.percentComplete() + " %").setHeader("% complete").setAutoWidth(true);
        history.setItems(a3s.history(priorityId));
        history.setAllRowsVisible(true);
        history.addClassName("a3-history");
        add(history);
    }

    private void addAction(A3Action action, boolean editable) {
        ActionRow row = new ActionRow(users, action, editable);
        row.remove.addClickListener(e -> {
            actionRows.remove(row);
            actions.remove(row);
        });
        actionRows.add(row);
        actions.add(row);
    }

    private PriorityA3 draft(PriorityA3 a3) {
        List<A3Action> list = actionRows.stream().map(ActionRow::value).toList();
        return new PriorityA3(priorityId, a3.unitId(), a3.priorityCode(), a3.priorityTitle(), background.getValue(),
                current.getValue(), target.getValue(), rootCause.getValue(), status.getValue(),
                percent.getValue() == null ? -1 : percent.getValue(), list, null, null, a3.version());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** One action of the A3: what, who, by when, done. */
    private static final class ActionRow extends HorizontalLayout {
        final TextField text = new TextField("Action");
        final ComboBox<UserSummary> owner = new ComboBox<>("Owner");
        final DatePicker milestone = DatePickers.british(new DatePicker("Milestone"));
        final Checkbox done = new Checkbox("Done");
        final Button remove = new Button("Remove");
        private final String ownerName;
        private final Long ownerId;

        ActionRow(List<UserSummary> users, A3Action action, boolean editable) {
            text.setMaxLength(1000);
            text.setWidth("24rem");
            owner.setItems(users);
            owner.setItemLabelGenerator(UserSummary::displayName);
            owner.setClearButtonVisible(true);
            ownerId = action == null ? null : action.ownerUserId();
            ownerName = action == null ? null : action.ownerName();
            if (action != null) {
                text.setValue(action.text());
                owner.setValue(users.stream().filter(u -> u.id() == (ownerId == null ? -1 : ownerId)).findFirst().orElse(null));
                if (!editable && ownerName != null) {
                    owner.setItems(List.of(new UserSummary(ownerId, "", ownerName, null, false, true)));
                    owner.setValue(owner.getListDataView().getItem(0));
                }
                milestone.setValue(action.milestone());
                done.setValue(action.done());
            }
            text.setReadOnly(!editable);
            owner.setReadOnly(!editable);
            milestone.setReadOnly(!editable);
            done.setReadOnly(!editable);
            remove.setVisible(editable);
            add(text, owner, milestone, done, remove);
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            addClassName("a3-action");
        }

        A3Action value() {
            return new A3Action(text.getValue(), owner.getValue() == null ? null : owner.getValue().id(), null,
                    milestone.getValue(), done.getValue());
        }
    }
}
