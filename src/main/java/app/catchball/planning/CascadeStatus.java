package app.catchball.planning;

/**
 * Where a cascade link stands. A direct deployment is AGREED at once; catchball negotiates a link
 * through the other states before it is agreed.
 */
public enum CascadeStatus {
    DRAFT, PROPOSED, QUERIED, COUNTERED, AGREED, DECLINED, WITHDRAWN
}
