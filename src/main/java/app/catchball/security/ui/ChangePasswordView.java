package app.catchball.security.ui;

import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Routes;
import app.catchball.security.AccessService;
import app.catchball.security.PasswordPolicy;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Users change their own password here; after an Admin reset they are sent here until they do. */
@Route("password")
@PageTitle("Change password · Catchball")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    ChangePasswordView(AccessService access) {
        PasswordField current = new PasswordField("Current password");
        PasswordField next = new PasswordField("New password");
        next.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password.");
        PasswordField repeat = new PasswordField("Repeat new password");
        Button change = new Button("Change password", e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                Notices.error("The new passwords do not match.");
                return;
            }
            Notices.attempt(() -> {
                access.changeOwnPassword(current.getValue(), next.getValue());
                Notices.ok("Password changed.");
                Routes.goToStart();
            });
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Change password"));
        if (access.mustChangePassword()) {
            add(new Paragraph("Your password was reset by an Admin: please choose a new one to go on."));
        }
        add(current, next, repeat, change);
    }

}
