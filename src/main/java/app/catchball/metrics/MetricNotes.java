package app.catchball.metrics;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metric's commentary (every version, oldest first) and annotations (by date), and whether the
 * signed-in user may write them: what its page shows.
 */
public record MetricNotes(List<Commentary> versions, List<Annotation> annotations, boolean mayWrite) {

    public MetricNotes {
        versions = List.copyOf(versions);
        annotations = List.copyOf(annotations);
    }

    /** The commentary of each month (its latest version), newest month first. */
    public List<Commentary> byMonth() {
        Map<YearMonth, Commentary> latest = new LinkedHashMap<>();
        versions.forEach(c -> latest.put(c.month(), c));
        return latest.values().stream().sorted(Comparator.comparing(Commentary::period).reversed()).toList();
    }

    /** The commentary of a month, if it has one. */
    public Optional<Commentary> of(YearMonth month) {
        return byMonth().stream().filter(c -> c.month().equals(month)).findFirst();
    }
}
