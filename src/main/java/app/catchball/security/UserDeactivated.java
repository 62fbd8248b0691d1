package app.catchball.security;

/** Published when an Admin deactivates a user (people leave; users are never deleted). */
public record UserDeactivated(long userId, String username, String displayName) {
}
