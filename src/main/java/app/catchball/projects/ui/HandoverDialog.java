package app.catchball.projects.ui;

import app.catchball.base.ui.Notices;
import app.catchball.projects.ContinuityService;
import app.catchball.projects.ProjectSummary;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;

/** Hands a project to a new lead with a note; its history, measures and links stay. */
class HandoverDialog extends Dialog {

    /** @param users who may take over: {@link ContinuityService#possibleLeads} of the project's unit */
    HandoverDialog(ContinuityService continuity, ProjectSummary project, List<UserSummary> users, Runnable done) {
        setHeaderTitle("Hand over " + project.title());
        ComboBox<UserSummary> lead = new ComboBox<>("New lead");
        lead.setId("new-lead");
        lead.setItems(users);
        lead.setHelperText("Only people with a role on " + project.unitName() + " or a unit above it can lead its "
                + "projects. Not listed? An Admin grants them a role under Organisation.");
        lead.setItemLabelGenerator(UserSummary::displayName);
        lead.setWidthFull();
        TextArea note = new TextArea("Handover note");
        note.setId("handover-note");
        note.setPlaceholder("Where the project is, what the last PDSA cycle taught, what comes next, who to talk to");
        note.setWidthFull();
        note.setMaxLength(4000);
        Paragraph from = new Paragraph("Current lead: " + project.leadText()
                + ". The project keeps its PDSA log, measures and links.");
        Button save = new Button("Hand over", e -> {
            Notices.attempt(() -> {
                continuity.handOver(project.id(), lead.getValue() == null ? null : lead.getValue().id(), note.getValue(),
                        project.version());
                Notices.ok(project.title() + " is now led by " + lead.getValue().displayName() + ".");
                close();
                done.run();
            });
        });
        save.setId("handover-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(from, lead, note));
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("36rem");
    }
}
