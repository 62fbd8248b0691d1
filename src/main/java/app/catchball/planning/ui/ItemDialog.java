package app.catchball.planning.ui;

import app.catchball.base.live.LiveChange;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.LiveRefresh;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanChanged;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Adds or edits one plan item; the fields follow the item's kind. When someone else saves the item
 * meanwhile, unsaved input stays and the dialog says "Changed by ‹name› — Reload".
 */
class ItemDialog extends Dialog implements LiveRefresh.LiveDialog {

    private final TextField title = new TextField("Title");
    private final TextArea description = new TextArea("Description");
    private final ComboBox<UserSummary> accountable = new ComboBox<>("Accountable person");
    private final ComboBox<ItemView> trueNorth = new ComboBox<>("True North goal");
    private final TextField unitOfMeasure = new TextField("Unit of measure");
    private final Select<Direction> direction = new Select<>();
    private final BigDecimalField baseline = new BigDecimalField("Baseline");
    private final BigDecimalField target = new BigDecimalField("Target");
    private final DatePicker dueDate = DatePickers.british(new DatePicker("Due date"));
    private final ComboBox<UserSummary> ownerPerson = new ComboBox<>("Person");
    private final TextField team = new TextField("Team");
    private final ItemKind kind;
    private final ItemView existing;
    private final ItemDraft initial;
    private Runnable reload = this::close;

    /**
     * @param save called with the draft; returns true when saved (the dialog then closes)
     */
    ItemDialog(ItemKind kind, ItemView existing, List<UserSummary> users, List<ItemView> trueNorthGoals,
               Predicate<ItemDraft> save) {
        this.kind = kind;
        this.existing = existing;
        setHeaderTitle((existing == null ? "New " : existing.code() + " · ") + kind.label().toLowerCase());
        title.setWidthFull();
        title.setRequired(true);
        title.setMaxLength(300);
        description.setWidthFull();
        description.setMaxLength(4000);
        accountable.setItems(users);
        accountable.setItemLabelGenerator(UserSummary::displayName);
        accountable.setClearButtonVisible(true);
        FormLayout form = new FormLayout(title, description, accountable);
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        switch (kind) {
            case BREAKTHROUGH -> {
                trueNorth.setItems(trueNorthGoals);
                trueNorth.setItemLabelGenerator(g -> g.code() + " " + g.title());
                trueNorth.setRequired(true);
                form.add(trueNorth);
            }
            case METRIC -> {
                unitOfMeasure.setMaxLength(40);
                unitOfMeasure.setRequired(true);
                direction.setLabel("Direction of improvement");
                direction.setItems(Direction.values());
                direction.setItemLabelGenerator(Direction::label);
                form.add(unitOfMeasure, direction, baseline, target, dueDate);
            }
            case OWNER -> {
                ownerPerson.setItems(users);
                ownerPerson.setItemLabelGenerator(UserSummary::displayName);
                ownerPerson.setClearButtonVisible(true);
                ownerPerson.setHelperText("A person, or else a named team");
                ownerPerson.addValueChangeListener(e -> {
                    if (e.getValue() != null && title.isEmpty()) {
                        title.setValue(e.getValue().displayName());
                    }
                });
                form.add(ownerPerson, team);
            }
            default -> {
            }
        }
        if (existing != null) {
            fill(existing, users, trueNorthGoals);
        }
        add(form);
        Button ok = new Button(existing == null ? "Add" : "Save", e -> {
            if (save.test(draft())) {
                close();
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), ok);
        setWidth("40rem");
        initial = draft();
    }

    /** What Reload does: by default it closes the dialog. */
    void onReload(Runnable action) {
        this.reload = action;
    }

    @Override
    public boolean concernedBy(LiveChange change) {
        return existing != null && change.event() instanceof PlanChanged p && p.id() == existing.id();
    }

    @Override
    public boolean unsaved() {
        return !draft().equals(initial);
    }

    @Override
    public void reload() {
        reload.run();
    }

    private void fill(ItemView item, List<UserSummary> users, List<ItemView> goals) {
        title.setValue(item.title());
        description.setValue(Objects.requireNonNullElse(item.description(), ""));
        accountable.setValue(byId(users, item.accountableUserId()));
        trueNorth.setValue(goals.stream().filter(g -> Objects.equals(g.id(), item.trueNorthId())).findFirst().orElse(null));
        unitOfMeasure.setValue(Objects.requireNonNullElse(item.unitOfMeasure(), ""));
        direction.setValue(item.direction());
        baseline.setValue(item.baseline());
        target.setValue(item.target());
        dueDate.setValue(item.dueDate());
        ownerPerson.setValue(byId(users, item.ownerUserId()));
        team.setValue(Objects.requireNonNullElse(item.teamName(), ""));
    }

    private static UserSummary byId(List<UserSummary> users, Long id) {
        return id == null ? null : users.stream().filter(u -> u.id() == id).findFirst().orElse(null);
    }

    ItemDraft draft() {
        return new ItemDraft(title.getValue(), description.getValue(),
                accountable.getValue() == null ? null : accountable.getValue().id(),
                kind == ItemKind.BREAKTHROUGH && trueNorth.getValue() != null ? trueNorth.getValue().id() : null,
                kind == ItemKind.METRIC ? unitOfMeasure.getValue() : null,
                kind == ItemKind.METRIC ? direction.getValue() : null,
                kind == ItemKind.METRIC ? baseline.getValue() : null,
                kind == ItemKind.METRIC ? target.getValue() : null,
                kind == ItemKind.METRIC ? dueDate.getValue() : null,
                kind == ItemKind.OWNER && ownerPerson.getValue() != null ? ownerPerson.getValue().id() : null,
                kind == ItemKind.OWNER ? team.getValue() : null);
    }
}
