package app.catchball.security;

/** A role held by a user on a unit. */
public record Grant(long id, long userId, String username, String displayName, long unitId, Role role) {
}
