package app.catchball.base.ui;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

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

    /**
     * Runs a user's action, the one way every screen does: a refusal by the rules or by the
     * permissions ({@link RuleViolation}, {@link AccessDeniedException}) is shown with its reason,
     * and nothing else happens. Put the confirmation and the refresh inside the action.
     *
     * @return whether the action went through
     */
    public static boolean attempt(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** {@link #attempt(Runnable)}, then the confirmation and what the screen does afterwards (e.g. refresh). */
    public static boolean attempt(Runnable action, String confirmation, Runnable afterwards) {
        return attempt(() -> {
            action.run();
            ok(confirmation);
            afterwards.run();
        });
    }

    /** {@link #attempt(Runnable)} with a result: empty when the action was refused. */
    public static <T> Optional<T> attempt(Supplier<T> action) {
        return attempt(action, conflict -> error(conflict.getMessage()));
    }

    /**
     * {@link #attempt(Supplier)} for work that runs on its own request, outside the UI's lock (an
     * upload): a refusal goes to {@code refused} (e.g. to reject the upload) and is shown in the UI
     * through {@link UI#access}.
     */
    public static <T> Optional<T> attemptOutsideUi(UI ui, Supplier<T> action, Consumer<String> refused) {
        try {
            return Optional.ofNullable(action.get());
        } catch (RuleViolation | AccessDeniedException refusal) {
            refused.accept(refusal.getMessage());
            ui.access(() -> error(refusal.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * {@link #attempt(Supplier)} where someone else's change in the meantime ({@link ConflictException})
     * is handled by the screen, e.g. by offering to reload.
     */
    public static <T> Optional<T> attempt(Supplier<T> action, Consumer<ConflictException> onConflict) {
        try {
            return Optional.ofNullable(action.get());
        } catch (ConflictException conflict) {
            onConflict.accept(conflict);
            return Optional.empty();
        } catch (RuleViolation | AccessDeniedException refused) {
            error(refused.getMessage());
            return Optional.empty();
        }
    }
}
