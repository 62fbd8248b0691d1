package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Values refused as a whole (nothing was saved): one refusal per bad entry, in the order given,
 * each with the field it is about ({@code period} or {@code value}) and the message a person reads.
 */
public class ValuesRefused extends RuleViolation {

    /** Entry {@code index} (from 0, in the order given) is refused for {@code message}. */
    public record Refusal(int index, String field, String message) {
    }

    private final List<Refusal> refusals;

    public ValuesRefused(List<Refusal> refusals) {
        super(refusals.stream().map(Refusal::message).collect(Collectors.joining(" ")));
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
