package app.catchball.security.ui;

import app.catchball.security.AccessService;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Administration: the users of Catchball. */
@Route("users")
@PageTitle("Users · Catchball")
@Menu(order = 90, icon = "vaadin:users", title = "Users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    UsersView(AccessService access) {
        Grid<UserSummary> grid = new Grid<>();
        grid.addColumn(UserSummary::displayName).setHeader("Name").setSortable(true);
        grid.addColumn(UserSummary::username).setHeader("Username").setSortable(true);
        grid.addColumn(UserSummary::email).setHeader("E-mail");
        grid.addColumn(u -> u.admin() ? "Admin" : "").setHeader("Admin");
        grid.addColumn(u -> u.active() ? "Active" : "Deactivated").setHeader("Status");
        grid.setItems(access.users());
        setSizeFull();
        add(new H2("Users"), grid);
    }
}
