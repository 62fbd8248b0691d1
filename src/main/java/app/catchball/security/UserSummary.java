package app.catchball.security;

/** What the screens need to know about a user. */
public record UserSummary(long id, String username, String displayName, String email, boolean admin, boolean active) {
}
