package app.catchball.base.live;

import java.util.List;

/**
 * The units above a unit, so that a screen showing "a unit and below" can tell whether a change
 * concerns it without loading the tree. Implemented by the organisation module.
 */
public interface UnitAncestry {

    /** The ids of the unit's ancestors, its parent first, up to the top of the tree. */
    List<Long> ancestorsOf(long unitId);
}
