package app.catchball.demo;

import app.catchball.metrics.CountermeasureService;
import app.catchball.metrics.CountermeasureStatus;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * 24 months of values (November 2024 to October 2026) for the demo metrics, with the patterns a
 * board should learn to read: a shift, a trend, an outlier, a metric that consistently fails its
 * target, one that consistently passes, and one red two months running with an overdue countermeasure.
 */
class DemoMetrics {

    private static final LocalDate FIRST = LocalDate.of(2024, 11, 1);
    private static final int MONTHS = 24;

    private final MetricsService metrics;
    private final CountermeasureService countermeasures;
    private final Map<String, Long> units;
    private final Map<String, Long> users;
    private final long cycle;
    private final Random random = new Random(20261126);

    DemoMetrics(MetricsService metrics, CountermeasureService countermeasures, Map<String, Long> units,
                Map<String, Long> users, long cycle) {
        this.metrics = metrics;
        this.countermeasures = countermeasures;
        this.units = units;
        this.users = users;
        this.cycle = cycle;
    }

    void seed() {
        // Shift: the daily discharge huddle started in November 2025.
        series("W7", "Discharges before noon", i -> (i < 12 ? 13 : 29) + noise(2));
        // Outlier: one bad month of falls (July 2026), otherwise common cause.
        series("W7", "Falls with harm", i -> i == 20 ? 9 : Math.max(0, Math.round(2 + noise(1.2))));
        series("W7", "Patients who would recommend the ward", i -> 82 + noise(3));
        // Trend: eight months of steady improvement.
        series("EAM", "Discharges before noon", i -> i < 16 ? 15 + noise(1.5) : 15 + (i - 15) * 1.6 + noise(0.2));
        // Consistently fails its target of 6 days.
        series("EAM", "Average length of stay", i -> 7.5 + noise(0.2));
        // Consistently passes its target of 78 %.
        series("NTH", "ED four-hour performance", i -> 86 + noise(1));
        series("NTH", "Registered nurse vacancy rate", i -> (i < 14 ? 9.6 : 7.6) + noise(0.3));
        // Red two months running, with an overdue countermeasure.
        series("MED", "Medical outliers", i -> i < 22 ? 9 + noise(1) : 14 + (i - 22) * 2);
        MetricInfo outliers = metric("MED", "Medical outliers");
        countermeasures.saveCountermeasure(null, outliers.id(), "Red two months running", "Outliers doubled in September",
                "Delayed discharges to community beds", "Daily escalation call with community providers",
                users.get("medicine.director"), LocalDate.of(2026, 10, 31), CountermeasureStatus.IN_PROGRESS, 0);
    }

    private void series(String unit, String title, IntToDoubleFunction value) {
        MetricInfo metric = metric(unit, title);
        List<ValueEntry> entries = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            entries.add(new ValueEntry(FIRST.plusMonths(i),
                    BigDecimal.valueOf(value.applyAsDouble(i)).setScale(1, RoundingMode.HALF_UP)));
        }
        metrics.saveValues(metric.id(), entries, ValueSource.MANUAL);
    }

    private MetricInfo metric(String unit, String title) {
        return metrics.metricsOf(units.get(unit), cycle).stream().filter(m -> m.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No metric " + title + " on " + unit));
    }

    private double noise(double spread) {
        return (random.nextDouble() * 2 - 1) * spread;
    }
}
