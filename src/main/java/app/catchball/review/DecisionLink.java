package app.catchball.review;

/** What a decision is about: a metric, priority, project or countermeasure, with the label it had when linked. */
public record DecisionLink(Kind kind, long id, String label) {

    public enum Kind { METRIC, PRIORITY, PROJECT, COUNTERMEASURE }
}
