package app.catchball.base.live;

/**
 * A committed change that open screens may show. Features publish their own records implementing
 * this with Spring's {@code ApplicationEventPublisher} inside the changing transaction; after the
 * commit {@link LiveBroadcaster} hands them to the screens of this node, and {@link LiveNotifications}
 * sends them to the other nodes through PostgreSQL. Keep the records small (ids and names only):
 * they travel as a JSON payload of a {@code NOTIFY}, and the record's components are its payload.
 */
public interface LiveEvent {

    /** The unit whose data changed. */
    long unitId();

    /** The planning cycle it belongs to; null when it is not tied to one (True North, projects). */
    Long cycleId();

    /** The changed thing: plan item, metric, project, catchball thread. */
    long id();

    /** Username of who made the change (a screen ignores its own user's changes: it refreshed itself). */
    String actor();

    /** Display name of who made the change, for "Changed by ‹name›". */
    String byName();

    /** Whether the change touches this unit. Events about two units (a catchball thread) say yes for both. */
    default boolean touchesUnit(long unit) {
        return unitId() == unit;
    }

    /** Whether the change belongs to this cycle; changes tied to no cycle, or screens showing all cycles, always match. */
    default boolean inCycle(Long cycle) {
        return cycleId() == null || cycle == null || cycleId().equals(cycle);
    }
}
