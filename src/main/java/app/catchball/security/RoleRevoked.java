package app.catchball.security;

/** Published when a user's role on a unit is revoked (e.g. they moved to another ward). */
public record RoleRevoked(long userId, long unitId, Role role) {
}
