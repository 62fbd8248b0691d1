package app.catchball.base.ui;

import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.live.LiveChange;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.server.VaadinRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an open screen current while other users change what it shows: the one way every screen
 * goes live. While the screen is attached it is subscribed to {@link LiveBroadcaster}; the changes
 * {@code concerns} accepts (other users' only: the user's own changes refreshed the screen already)
 * refresh it through {@code ui.access} (Vaadin Push), at most once per 500 ms.
 * <p>
 * Unsaved input is never overwritten. An open dialog gets "Changed by ‹name› — Reload" instead (a
 * {@link LiveDialog} decides itself whether a change concerns it, and how to reload); while a field
 * given to {@link #watch} holds unsaved input, the screen is not rebuilt but shows the same notice.
 * {@code concerns} runs on the broadcaster's thread: read only what the screen keeps in volatile
 * fields, never its components.
 */
public final class LiveRefresh {

    private static final Logger log = LoggerFactory.getLogger(LiveRefresh.class);

    /** A dialog that knows which changes concern it and how to reload itself. */
    public interface LiveDialog {
        boolean concernedBy(LiveChange change);

        /** Whether the user has typed or chosen something not yet saved; without, the dialog just reloads. */
        boolean unsaved();

        /** Discards the input and shows the current state (may close and reopen the dialog). */
        void reload();
    }

    private record Watched(HasComponents place, HasValue<?, ?> field, Object initial) {
        boolean unsaved() {
            return ((Component) field).isAttached() && !Objects.equals(field.getValue(), initial);
        }
    }

    private final Component view;
    private final Consumer<List<LiveChange>> refresh;
    private final List<Watched> watched = new ArrayList<>();
    private final List<LiveChange> held = new ArrayList<>();

    private LiveRefresh(Component view, LiveBroadcaster live, Predicate<LiveChange> concerns,
                        Consumer<List<LiveChange>> refresh) {
        this.view = view;
        this.refresh = refresh;
        AutoCloseable[] subscription = {null};
        view.addAttachListener(e -> {
            UI ui = e.getUI();
            String me = currentUser();
            subscription[0] = live.subscribe(c -> (c.resync() || !me.equalsIgnoreCase(c.event().actor())) && concerns.test(c),
                    batch -> {
                        try {
                            ui.access(() -> apply(ui, batch));
                        } catch (UIDetachedException gone) {
                            // the screen was closed meanwhile
                        }
                    });
        });
        view.addDetachListener(e -> {
            try {
                if (subscription[0] != null) {
                    subscription[0].close();
                }
            } catch (Exception ex) {
                log.debug("Unsubscribing a screen: {}", ex.toString());
            }
            subscription[0] = null;
        });
    }

    /**
     * Keeps {@code view} live: {@code refresh} rebuilds it, on the UI's thread, with the changes
     * {@code concerns} accepted since the last refresh.
     */
    public static LiveRefresh on(Component view, LiveBroadcaster live, Predicate<LiveChange> concerns,
                                 Consumer<List<LiveChange>> refresh) {
        return new LiveRefresh(view, live, concerns, refresh);
    }

    /** As {@link #on(Component, LiveBroadcaster, Predicate, Consumer)} for a refresh that needs no details. */
    public static LiveRefresh on(Component view, LiveBroadcaster live, Predicate<LiveChange> concerns, Runnable refresh) {
        return new LiveRefresh(view, live, concerns, batch -> refresh.run());
    }

    /**
     * Inline input fields the next refresh would rebuild: while one holds a value other than the one
     * it was given, the screen is not refreshed and {@code place} shows "Changed by ‹name› — Reload".
     */
    public void watch(HasComponents place, HasValue<?, ?>... fields) {
        watched.removeIf(w -> !((Component) w.field()).isAttached());
        for (HasValue<?, ?> field : fields) {
            watched.add(new Watched(place, field, field.getValue()));
        }
    }

    private void apply(UI ui, List<LiveChange> batch) {
        ui.getChildren().filter(Dialog.class::isInstance).map(Dialog.class::cast).filter(Dialog::isOpened).toList()
                .forEach(dialog -> noticeIn(dialog, batch));
        held.addAll(batch);
        List<Watched> unsaved = watched.stream().filter(Watched::unsaved).toList();
        if (!unsaved.isEmpty()) {
            Set<HasComponents> places = unsaved.stream().map(Watched::place).collect(Collectors.toCollection(LinkedHashSet::new));
            places.forEach(place -> ChangedNotice.show(place, names(held), () -> reloadHeld(places)));
            return;
        }
        reloadHeld(Set.of());
    }

    private void reloadHeld(Set<HasComponents> places) {
        places.forEach(ChangedNotice::remove);
        List<LiveChange> changes = List.copyOf(held);
        held.clear();
        watched.clear();
        if (!changes.isEmpty()) {
            try {
                refresh.accept(changes);
            } catch (RuntimeException e) {
                // e.g. what the screen showed was removed meanwhile: the screen stays as it was
                log.warn("A live refresh of {} failed: {}", view.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static void noticeIn(Dialog dialog, List<LiveChange> batch) {
        if (dialog instanceof LiveDialog live) {
            List<LiveChange> mine = batch.stream().filter(c -> c.resync() || live.concernedBy(c)).toList();
            if (!mine.isEmpty() && live.unsaved()) {
                ChangedNotice.show(dialog, names(mine), live::reload);
            } else if (!mine.isEmpty()) {
                live.reload();
            }
        } else {
            ChangedNotice.show(dialog, names(batch), dialog::close);
        }
    }

    /** "Priya Nair", "Priya Nair, Sam Okafor", or "someone" when only a resync is known. */
    static String names(List<LiveChange> changes) {
        String names = changes.stream().filter(c -> !c.resync()).map(c -> c.event().byName()).filter(Objects::nonNull)
                .distinct().collect(Collectors.joining(", "));
        return names.isEmpty() ? "someone" : names;
    }

    private static String currentUser() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal principal = request == null ? null : request.getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }
}
