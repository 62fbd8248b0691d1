package app.catchball.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may want to do on an organisation unit, and which unit roles allow it (DESIGN.md,
 * "Organisation tree and permissions"). Admins may do everything. Anything not listed is denied.
 */
public enum Action {
    /** Read anything: transparency is the default, so every active user may. */
    VIEW("see", EnumSet.allOf(Role.class)),
    ENTER_METRIC_VALUES("enter metric values for", EnumSet.of(Role.CONTRIBUTOR, Role.LEAD)),
    EDIT_PROJECTS("change the local projects of", EnumSet.of(Role.CONTRIBUTOR, Role.LEAD)),
    COMMENT("comment on", EnumSet.of(Role.CONTRIBUTOR, Role.LEAD, Role.COACH)),
    EDIT_PLAN("change the X-matrix of", EnumSet.of(Role.LEAD)),
    CATCHBALL("play catchball on behalf of", EnumSet.of(Role.LEAD)),
    PREPARE_REVIEW("prepare and publish the monthly review of", EnumSet.of(Role.LEAD)),
    COACH("record countermeasures and capability for", EnumSet.of(Role.COACH)),
    ADMINISTER("administer", EnumSet.noneOf(Role.class));

    private final String phrase;
    private final Set<Role> grantedBy;

    Action(String phrase, Set<Role> grantedBy) {
        this.phrase = phrase;
        this.grantedBy = grantedBy;
    }

    /** Words that complete "You may not … <unit>". */
    public String phrase() {
        return phrase;
    }

    public boolean grantedBy(Role role) {
        return grantedBy.contains(role);
    }

    public Set<Role> grantedBy() {
        return Set.copyOf(grantedBy);
    }
}
