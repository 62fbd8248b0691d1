package app.catchball.base;

import java.util.List;
import java.util.Optional;

/**
 * Finds units for the screens' unit pickers without loading the organisation: a filtered, paged
 * query, whatever the size of the tree. Archived units are never offered. Implemented by the
 * organisation module; the picker ({@code base.ui.UnitPicker}) only knows this interface.
 */
public interface UnitDirectory {

    /** Units whose name or short code contains the filter (any case), the top of the tree first, then by name. */
    List<UnitRef> find(String filter, int offset, int limit);

    /** How many units {@link #find} would return for the filter. */
    int count(String filter);

    /** The unit with this short code (any case) or id, if it exists and is not archived. */
    Optional<UnitRef> byCodeOrId(String codeOrId);

    /**
     * The signed-in user's own unit: where they are a Lead, else where they hold any role, else the
     * top of the tree. The one rule for the unit a screen opens on.
     */
    Optional<UnitRef> home();
}
