package app.catchball.security.ui;

import app.catchball.base.ui.AccountPage;
import app.catchball.base.ui.PasswordGate;
import app.catchball.security.AccessService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;

/** "Change password" in the header, and the page every other page leads to after an Admin reset. */
@SpringComponent
class PasswordPage implements PasswordGate, AccountPage {

    private final AccessService access;

    PasswordPage(AccessService access) {
        this.access = access;
    }

    @Override
    public boolean mustChangePassword() {
        return access.mustChangePassword();
    }

    @Override
    public Class<? extends Component> passwordPage() {
        return ChangePasswordView.class;
    }

    @Override
    public String title() {
        return "Change password";
    }

    @Override
    public Class<? extends Component> view() {
        return ChangePasswordView.class;
    }

    @Override
    public int order() {
        return 20;
    }
}
