package app.catchball.metrics;

/** How often a metric's values arrive: each value belongs to a month (its first day) or a week (its Monday). */
public enum Frequency {
    MONTHLY, WEEKLY
}
