package app.catchball.review.ui;

import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.Notices;
import app.catchball.review.Decision;
import app.catchball.review.DecisionDraft;
import app.catchball.review.DecisionLink;
import app.catchball.review.DecisionService;
import app.catchball.review.DecisionStatus;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.YearMonth;
import java.util.List;

/** Records a new decision or action of a review, or changes one (text, owner, due date, status). */
class DecisionDialog extends Dialog {

    final TextArea text = new TextArea("Decision or action");
    final ComboBox<UserSummary> owner = new ComboBox<>("Owner");
    final DatePicker due = DatePickers.british(new DatePicker("Due date"));
    final Select<DecisionStatus> status = new Select<>();
    final ComboBox<DecisionLink> link = new ComboBox<>("Linked to");

    DecisionDialog(DecisionService decisions, List<UserSummary> users, List<DecisionLink> links, long unitId, Long cycleId,
                   YearMonth month, Decision existing, Runnable saved) {
        setHeaderTitle(existing == null ? "New decision or action" : "Decision or action");
        text.setMaxLength(2000);
        text.setWidthFull();
        owner.setItems(users.stream().filter(u -> u.active() || existing != null && u.id() == existing.ownerUserId()).toList());
        owner.setItemLabelGenerator(UserSummary::displayName);
        status.setLabel("Status");
        status.setItems(DecisionStatus.values());
        status.setItemLabelGenerator(DecisionStatus::label);
        link.setItems(links);
        link.setItemLabelGenerator(DecisionLink::label);
        link.setClearButtonVisible(true);
        FormLayout form = new FormLayout(text, owner, due);
        form.setColspan(text, 2);
        if (existing == null) {
            form.add(link);
        } else {
            text.setValue(existing.text());
            owner.setValue(users.stream().filter(u -> u.id() == existing.ownerUserId()).findFirst().orElse(null));
            due.setValue(existing.dueDate());
            status.setValue(existing.status());
            form.add(status);
        }
        add(form);
        Button save = new Button("Save", e -> Notices.attempt(() -> {
            DecisionDraft draft = new DecisionDraft(text.getValue(), owner.getValue() == null ? null : owner.getValue().id(),
                    due.getValue(), existing == null ? DecisionStatus.OPEN : status.getValue(), link.getValue());
            if (existing == null) {
                decisions.add(unitId, cycleId == null ? -1 : cycleId, month, draft);
                Notices.ok("Decision recorded.");
            } else {
                decisions.update(existing.id(), draft, existing.version());
                Notices.ok("Decision saved.");
            }
            close();
            saved.run();
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("40rem");
    }
}
