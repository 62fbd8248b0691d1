package app.catchball.base;

/** Someone else changed the thing in the meantime; nothing was overwritten. The user should reload. */
public class ConflictException extends RuleViolation {

    public ConflictException(String message) {
        super(message);
    }
}
