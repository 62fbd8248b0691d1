package app.catchball.projects.ui;

import app.catchball.base.ui.DatePickers;
import app.catchball.projects.ProjectDraft;
import app.catchball.projects.ProjectStage;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Objects;

/** The fields of a project: title, aim, lead, team, stage and dates. */
class ProjectForm extends FormLayout {

    final TextField title = new TextField("Title");
    final TextArea aim = new TextArea("Aim (what, by how much, by when)");
    final ComboBox<UserSummary> lead = new ComboBox<>("Lead");
    final TextField team = new TextField("Team");
    final ComboBox<ProjectStage> stage = new ComboBox<>("Stage");
    final DatePicker start = DatePickers.british(new DatePicker("Start"));
    final DatePicker end = DatePickers.british(new DatePicker("End"));
    private final List<UserSummary> users;

    ProjectForm(List<UserSummary> users) {
        this.users = users;
        lead.setItems(users.stream().filter(UserSummary::active).toList());
        lead.setItemLabelGenerator(UserSummary::displayName);
        lead.setClearButtonVisible(true);
        stage.setItems(ProjectStage.values());
        stage.setItemLabelGenerator(ProjectStage::label);
        stage.setValue(ProjectStage.IDEA);
        title.setMaxLength(200);
        aim.setMaxLength(2000);
        add(title, stage, aim, lead, team, start, end);
        setColspan(aim, 2);
    }

    void fill(ProjectDraft draft) {
        title.setValue(Objects.requireNonNullElse(draft.title(), ""));
        aim.setValue(Objects.requireNonNullElse(draft.aim(), ""));
        team.setValue(Objects.requireNonNullElse(draft.team(), ""));
        stage.setValue(draft.stage());
        start.setValue(draft.startDate());
        end.setValue(draft.endDate());
        UserSummary current = draft.leadUserId() == null ? null
                : users.stream().filter(u -> u.id() == draft.leadUserId()).findFirst().orElse(null);
        if (current != null && !current.active()) {
            lead.setItems(users.stream().filter(u -> u.active() || u.id() == current.id()).toList());
        }
        lead.setValue(current);
    }

    ProjectDraft draft() {
        return new ProjectDraft(title.getValue(), aim.getValue(), lead.getValue() == null ? null : lead.getValue().id(),
                team.getValue(), stage.getValue(), start.getValue(), end.getValue());
    }
}
