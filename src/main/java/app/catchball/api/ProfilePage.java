package app.catchball.api;

import app.catchball.base.ui.AccountPage;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;

/** "Profile" in the header: the user's own API tokens. */
@SpringComponent
class ProfilePage implements AccountPage {

    @Override
    public String title() {
        return "Profile";
    }

    @Override
    public Class<? extends Component> view() {
        return ProfileView.class;
    }

    @Override
    public int order() {
        return 10;
    }
}
