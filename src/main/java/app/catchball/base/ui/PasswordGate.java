package app.catchball.base.ui;

import com.vaadin.flow.component.Component;

/** Answers whether the signed-in user must change their password before going on, and where (implemented by security). */
public interface PasswordGate {

    boolean mustChangePassword();

    /** The page every other page leads to while {@link #mustChangePassword()}. */
    Class<? extends Component> passwordPage();
}
