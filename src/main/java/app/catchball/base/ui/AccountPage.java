package app.catchball.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A page about the signed-in user themselves (profile, password) that the header links to. The
 * features that own these pages depend on base, so they offer them through this and the shell links
 * to the route class without depending back on them.
 */
public interface AccountPage {

    String title();

    Class<? extends Component> view();

    /** Place in the header, lowest first. */
    int order();
}
