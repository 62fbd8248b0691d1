package app.catchball.demo;

import app.catchball.planning.A3Action;
import app.catchball.planning.A3Service;
import app.catchball.planning.A3Status;
import app.catchball.planning.PriorityA3;
import app.catchball.planning.PriorityStatus;
import app.catchball.review.Decision;
import app.catchball.review.DecisionDraft;
import app.catchball.review.DecisionService;
import app.catchball.review.DecisionStatus;
import app.catchball.review.ReviewService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The check and act of the demo trust: A3s on the trust's and Ward 7's priorities (one at risk),
 * decisions in every status, the trust board's review of October 2026 published, November 2026 in
 * draft for the trust and Ward 7, and overdue actions for ward7.manager.
 */
class DemoReviews {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final A3Service a3s;
    private final DecisionService decisions;
    private final ReviewService reviews;
    private final Map<String, Long> units;
    private final Map<String, Long> users;
    private final long cycle;

    DemoReviews(A3Service a3s, DecisionService decisions, ReviewService reviews, Map<String, Long> units,
                Map<String, Long> users, long cycle) {
        this.a3s = a3s;
        this.decisions = decisions;
        this.reviews = reviews;
        this.units = units;
        this.users = users;
        this.cycle = cycle;
    }

    void seed() {
        a3s();
        long trust = units.get("NTH");
        long ward7 = units.get("W7");
        decision(trust, OCTOBER, "Report medical outliers to the board weekly until back within target", "medicine.director",
                LocalDate.of(2026, 11, 6), DecisionStatus.DONE);
        decision(trust, OCTOBER, "Commission an external review of theatre utilisation", "chief.exec",
                LocalDate.of(2026, 11, 30), DecisionStatus.DROPPED);
        decision(trust, OCTOBER, "Agree winter escalation beds with the Division of Medicine", "medicine.director",
                LocalDate.of(2026, 11, 20), DecisionStatus.OPEN);
        decision(trust, OCTOBER, "Bring the nurse recruitment pipeline to the December board", "chief.exec",
                LocalDate.of(2026, 12, 18), DecisionStatus.OPEN);
        reviews.saveSummary(trust, OCTOBER, "Flow and safety held steady; medical outliers rose for a second month and "
                + "have a countermeasure in progress. Length of stay in acute medicine consistently misses its target.", 0);
        reviews.publish(trust, OCTOBER, 1);
        reviews.saveSummary(trust, NOVEMBER, "Draft: to be discussed at the December board.", 0);
        decision(ward7, OCTOBER, "Audit falls risk assessments on every admission for a month", "ward7.manager",
                LocalDate.of(2026, 11, 13), DecisionStatus.OPEN);
        decision(ward7, NOVEMBER, "Share the discharge huddle format with Ward 8", "ward7.manager",
                LocalDate.of(2026, 11, 27), DecisionStatus.OPEN);
        decision(ward7, NOVEMBER, "Order two more high-low beds", "ward7.nurse", LocalDate.of(2027, 1, 15), DecisionStatus.OPEN);
        reviews.saveSummary(ward7, NOVEMBER, "Draft: discharges before noon holding at the new level; falls back to common cause.", 0);
    }

    private void a3s() {
        List<PriorityStatus> trust = a3s.statuses(units.get("NTH"), cycle);
        a3(trust.get(0), "Patients wait too long for beds; discharges cluster late in the day.",
                "42 % of discharges before noon; 60 outliers a week.", "55 % before noon by March 2027; no outliers.",
                "Discharge planning starts too late; weekend discharges are rare.", A3Status.ON_TRACK, 45, "chief.exec");
        a3(trust.get(1), "Falls and pressure ulcers are our commonest harms.", "Falls with harm: 4 a month trust-wide.",
                "Falls with harm halved by March 2027.", "Risk assessments are not repeated after a change of condition.",
                A3Status.AT_RISK, 30, "chief.exec");
        a3(trust.get(2), "Registered nurse vacancies drive agency spend.", "Vacancy rate 7.6 %.", "Vacancy rate below 6 %.",
                "Preceptorship places lag behind newly qualified nurses.", A3Status.ON_TRACK, 60, "chief.exec");
        List<PriorityStatus> ward = a3s.statuses(units.get("W7"), cycle);
        a3(ward.get(0), "Most Ward 7 discharges left after 15:00.", "29 % before noon since the huddle began.",
                "35 % before noon.", "Medicines to take home ordered on the day of discharge.", A3Status.ON_TRACK, 70,
                "ward7.manager");
        a3(ward.get(1), "Falls with harm spiked in July.", "Back to common cause, 2 a month.", "At most 1 a month.",
                "Night staffing and bay supervision.", A3Status.OFF_TRACK, 20, "ward7.manager");
    }

    private void a3(PriorityStatus priority, String background, String current, String target, String cause,
                    A3Status status, int percent, String owner) {
        List<A3Action> actions = List.of(
                new A3Action("Agree the measure and its baseline", users.get(owner), null, LocalDate.of(2026, 9, 30), true),
                new A3Action("Test the change on one ward, PDSA", users.get(owner), null, LocalDate.of(2026, 12, 15), false));
        a3s.save(priority.priorityId(), new PriorityA3(priority.priorityId(), 0, priority.code(), priority.title(), background,
                current, target, cause, status, percent, actions, null, null, 0), 0);
    }

    private void decision(long unit, YearMonth month, String text, String owner, LocalDate due, DecisionStatus status) {
        Decision d = decisions.add(unit, cycle, month, new DecisionDraft(text, users.get(owner), due, DecisionStatus.OPEN, null));
        if (status != DecisionStatus.OPEN) {
            decisions.update(d.id(), new DecisionDraft(text, users.get(owner), due, status, null), d.version());
        }
    }
}
