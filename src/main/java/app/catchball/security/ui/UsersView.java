package app.catchball.security.ui;

import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Phones;
import app.catchball.security.AccessService;
import app.catchball.security.PasswordPolicy;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;

/** Administration: users are created, deactivated (never deleted) and given temporary passwords here. */
@Route("users")
@PageTitle("Users · Catchball")
@Menu(order = 90, icon = "vaadin:users", title = "Users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private final AccessService access;
    private final Grid<UserSummary> grid = new Grid<>();
    private Set<Long> locked = Set.of();

    UsersView(AccessService access) {
        this.access = access;
        grid.addColumn(UserSummary::displayName).setHeader("Name").setSortable(true);
        Phones.hideOnPhone(grid.addColumn(UserSummary::username).setHeader("Username").setKey("username").setSortable(true),
                grid.addColumn(UserSummary::email).setHeader("E-mail"),
                grid.addColumn(u -> u.admin() ? "Admin" : "").setHeader("Admin"),
                grid.addColumn(u -> !u.active() ? "Deactivated" : locked.contains(u.id()) ? "Locked" : "Active").setHeader("Status").setKey("status"));
        grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions").setAutoWidth(true);
        grid.setHeight("28rem");

        TextField username = new TextField("Username");
        TextField name = new TextField("Name");
        EmailField email = new EmailField("E-mail");
        PasswordField password = new PasswordField("Temporary password");
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; they change it at first sign-in.");
        Button create = new Button("Create user", e -> Notices.attempt(() -> {
            UserSummary user = access.createUser(username.getValue(), name.getValue(), email.getValue(), password.getValue(), false);
            access.resetPassword(user.id(), password.getValue());
        }, "User " + username.getValue() + " created.", this::refresh));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, name, email, password, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2("Users"), grid, new H3("New user"), form);
        refresh();
    }

    private HorizontalLayout actions(UserSummary user) {
        Button toggle = user.active()
                ? new Button("Deactivate", e -> Notices.attempt(() -> access.deactivate(user.id()), user.displayName() + " deactivated.", this::refresh))
                : new Button("Reactivate", e -> Notices.attempt(() -> access.reactivate(user.id()), user.displayName() + " reactivated.", this::refresh));
        Button reset = new Button("Reset password", e -> openReset(user));
        HorizontalLayout actions = new HorizontalLayout(toggle, reset);
        if (locked.contains(user.id())) {
            actions.add(new Button("Unlock", e -> Notices.attempt(() -> {
                access.unlock(user.id());
            }, user.displayName() + " can sign in again from everywhere.", this::refresh)));
        }
        return actions;
    }

    private void openReset(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reset the password of " + user.displayName());
        PasswordField temporary = new PasswordField("Temporary password");
        Button ok = new Button("Reset", e -> {
            Notices.attempt(() -> {
                access.resetPassword(user.id(), temporary.getValue());
                Notices.ok(user.displayName() + " must choose a new password at the next sign-in.");
                dialog.close();
            });
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(temporary);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }

    private void refresh() {
        locked = access.lockedUserIds();
        grid.setItems(access.users());
    }

}
