package app.catchball.base;

/**
 * A request that breaks a business rule (bad input, an impossible move, a stale edit). The
 * message is written for the user and is shown as it is; nothing has been changed.
 */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
