package app.catchball.metrics;

/** What a catchball proposal commits a number to: the parent's metric and how the child's metric adds up to it. */
public record CommitmentTerms(long parentMetricId, RollupRule rule) {
}
