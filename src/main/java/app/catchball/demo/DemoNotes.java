package app.catchball.demo;

import app.catchball.metrics.AnnotationService;
import app.catchball.metrics.Commentary;
import app.catchball.metrics.CommentaryService;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.security.SystemUser;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * Ward 7's commentary on its metrics for the last months of values (one month corrected, so its
 * history shows two versions), written by its owner, and one note on a chart: the start of the
 * daily discharge huddle, where "Discharges before noon" shifts.
 */
class DemoNotes {

    private final CommentaryService commentary;
    private final AnnotationService annotations;
    private final MetricsService metrics;
    private final Map<String, Long> units;
    private final long cycle;

    DemoNotes(CommentaryService commentary, AnnotationService annotations, MetricsService metrics, Map<String, Long> units,
              long cycle) {
        this.commentary = commentary;
        this.annotations = annotations;
        this.metrics = metrics;
        this.units = units;
        this.cycle = cycle;
    }

    void seed() {
        SystemUser.runAs("ward7.manager", () -> {
            long discharges = metric("Discharges before noon").id();
            long falls = metric("Falls with harm").id();
            long recommend = metric("Patients who would recommend the ward").id();
            annotations.add(discharges, LocalDate.of(2025, 11, 3), "Daily discharge huddle started");
            write(discharges, YearMonth.of(2026, 8), "29% of discharges before noon, in line with the months since the huddle began.",
                    "The 10:00 huddle settles discharge plans the day before.",
                    "Pilot the discharge lounge for patients waiting for transport.");
            write(discharges, YearMonth.of(2026, 9), "28%: still well above last year but short of the 50% target.",
                    "Pharmacy turnaround for take-home medicines averages 3 hours.",
                    "Agree a 09:30 cut-off for take-home prescriptions with pharmacy.");
            write(discharges, YearMonth.of(2026, 10), "30% before noon; the discharge lounge pilot began on 14 October.",
                    "Too early to see the lounge in the numbers.",
                    "Review the lounge pilot at the December board round.");
            Commentary july = write(falls, YearMonth.of(2026, 7), "9 falls with harm, far above our usual 2 a month.",
                    "Under review.", "Safety huddle to look at every fall this month.");
            commentary.write(falls, YearMonth.of(2026, 7), july.whatHappened(),
                    "Agency staffing on nights during the heatwave; 5 of the 9 falls were at night.",
                    "Falls risk review at the safety huddle for every new admission; night staffing escalated to the matron.",
                    july.id());
            write(falls, YearMonth.of(2026, 10), "2 falls with harm, back within the usual range.",
                    "Night staffing back to our own team.", "Keep the falls risk review at every safety huddle.");
            write(recommend, YearMonth.of(2026, 10), "82% would recommend the ward, as in most months.",
                    null, "Read the free-text comments at the team meeting.");
        });
    }

    private Commentary write(long metricId, YearMonth month, String happened, String why, String next) {
        return commentary.write(metricId, month, happened, why, next, null);
    }

    private MetricInfo metric(String title) {
        return metrics.metricsOf(units.get("W7"), cycle).stream().filter(m -> m.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No metric " + title + " on Ward 7"));
    }
}
