package app.catchball.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The two ways every screen tells the user how a change went: a short confirmation, or why nothing changed. */
public final class Notices {

    private Notices() {
    }

    /** A change was saved. */
    public static void ok(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** A change was refused; the message says why and nothing was changed. */
    public static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
