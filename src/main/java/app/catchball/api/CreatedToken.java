package app.catchball.api;

/** A token just created: {@code token} is the raw value, shown once and never stored. */
public record CreatedToken(long id, String name, String token, String prefix) {
}
