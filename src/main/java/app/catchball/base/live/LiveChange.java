package app.catchball.base.live;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One committed change as the screens of a node receive it: the event, and where its unit sits
 * (looked up at most once per change, whatever the number of screens asking). A change with no
 * event ({@link #resync()}) means "changes may have been missed": every screen refreshes.
 */
public final class LiveChange {

    private final LiveEvent event;
    private final Function<Long, List<Long>> ancestry;
    private volatile List<Long> ancestors;

    LiveChange(LiveEvent event, Function<Long, List<Long>> ancestry) {
        this.event = event;
        this.ancestry = ancestry;
    }

    static LiveChange resyncAll() {
        return new LiveChange(null, id -> List.of());
    }

    /** The event; null for a resync. */
    public LiveEvent event() {
        return event;
    }

    /** True after this node's listening connection came back: notifications may have been missed. */
    public boolean resync() {
        return event == null;
    }

    /** Whether the change touches the unit or a unit anywhere beneath it. */
    public boolean atOrBelow(long unitId) {
        return event != null && (event.touchesUnit(unitId) || ancestors().contains(unitId));
    }

    /** Whether the change touches one of these units or a unit directly beneath one of them. */
    public boolean inOrJustBelow(Collection<Long> unitIds) {
        if (event == null) {
            return false;
        }
        if (unitIds.contains(event.unitId())) {
            return true;
        }
        List<Long> up = ancestors();
        return !up.isEmpty() && unitIds.contains(up.getFirst());
    }

    private List<Long> ancestors() {
        List<Long> known = ancestors;
        if (known == null) {
            known = ancestry.apply(event.unitId());
            ancestors = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return event == null ? "resync" : event.toString();
    }
}
