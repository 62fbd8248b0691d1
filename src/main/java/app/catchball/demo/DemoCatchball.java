package app.catchball.demo;

import app.catchball.catchball.CatchballService;
import app.catchball.catchball.Move;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleStage;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Proposal;
import app.catchball.planning.Side;
import app.catchball.security.SystemUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Catchball threads in every state between the trust, the Division of Medicine, Emergency & Acute
 * Medicine and Ward 7 — each step taken by the demo user who would take it.
 */
class DemoCatchball {

    private static final LocalDate YEAR_END = LocalDate.of(2027, 3, 31);

    private final CatchballService catchball;
    private final PlanningService planning;
    private final CycleService cycles;
    private final Map<String, Long> units;
    private long cycle;

    DemoCatchball(CatchballService catchball, PlanningService planning, CycleService cycles, Map<String, Long> units) {
        this.catchball = catchball;
        this.planning = planning;
        this.cycles = cycles;
        this.units = units;
    }

    void seed() {
        cycle = cycles.current().orElseThrow().id();
        cycles.changeStage(cycle, CycleStage.CATCHBALL, cycles.get(cycle).version());

        // PROPOSED: the trust asks Medicine to carry recruitment and retention.
        as("chief.exec", () -> catchball.proposeDown(item("NTH", "Recruitment and retention").id(), List.of(units.get("MED")),
                new Proposal("Recruitment and retention", "RN vacancies 7 %", YEAR_END,
                        "Vacancies drive agency spend and harm.", null), "Can Medicine lead on this for the trust?"));

        // COUNTERED: Medicine believes in a smaller falls reduction, with a falls practitioner.
        CascadeLinkView falls = as("chief.exec", () -> catchball.proposeDown(item("NTH", "Reduce falls with harm by 30%").id(),
                List.of(units.get("MED")), new Proposal("Reduce falls with harm by 30%", "30 % fewer falls with harm", YEAR_END,
                        null, null), "Falls are our biggest harm theme.").getFirst());
        as("medicine.director", () -> catchball.act(falls.id(), Move.COUNTER,
                new Proposal("Reduce falls with harm by 25%", "25 % fewer falls with harm", YEAR_END, null,
                        "One falls practitioner (1 WTE)"), "We can do 25 % with a falls practitioner; 30 % without one is not credible."));

        // QUERIED: the directorate asks a question.
        CascadeLinkView frailty = as("medicine.director", () -> catchball.proposeDown(item("MED", "Frailty same-day emergency care").id(),
                List.of(units.get("EAM")), new Proposal("Frailty same-day emergency care", "70 % of frail patients home the same day",
                        YEAR_END, null, null), "Please take this on with the frailty team.").getFirst());
        as("acute.lead", () -> catchball.act(frailty.id(), Move.QUERY, null, "Does this include weekends? We have no frailty consultant on Sundays."));

        // AGREED after a counter and an agreement.
        CascadeLinkView outliers = as("medicine.director", () -> catchball.proposeDown(item("MED", "Fewer than 10 medical outliers a day").id(),
                List.of(units.get("EAM")), new Proposal("Fewer than 10 medical outliers a day", "10 a day", YEAR_END, null, null),
                "Outliers are the main cause of delays on surgical wards.").getFirst());
        as("acute.lead", () -> catchball.act(outliers.id(), Move.COUNTER,
                new Proposal("Fewer than 12 medical outliers a day", "12 a day", YEAR_END, null, null), "12 is achievable by March; 10 by next winter."));
        as("medicine.director", () -> catchball.act(outliers.id(), Move.AGREE, null, "Agreed — 12 this year."));

        // DECLINED: the ward cannot do board rounds by 10:00.
        CascadeLinkView rounds = as("acute.lead", () -> catchball.proposeDown(item("EAM", "Board rounds finished by 10:00").id(),
                List.of(units.get("W7")), new Proposal("Board rounds finished by 10:00", "90 % of days", YEAR_END, null, null),
                "Early board rounds unlock morning discharges.").getFirst());
        as("ward7.manager", () -> catchball.act(rounds.id(), Move.DECLINE, null,
                "We have no registrar cover before 10:00 on Ward 7; we would fail this every day."));

        // WITHDRAWN.
        CascadeLinkView noFalls = as("acute.lead", () -> catchball.proposeDown(item("EAM", "No falls with harm on our wards").id(),
                List.of(units.get("W7")), Proposal.titled("No falls with harm on our wards"), "First draft.").getFirst());
        as("acute.lead", () -> catchball.act(noFalls.id(), Move.WITHDRAW, null, "Already covered by enhanced observation."));

        // DRAFT, not sent yet.
        as("acute.lead", () -> catchball.saveDraft(item("EAM", "A third of discharges before noon on every ward").id(),
                units.get("W7"), new Proposal("A third of discharges before noon on every ward", "33 %", YEAR_END, null, null)));

        // Bottom-up: Ward 7 proposes an idea to its directorate.
        as("ward7.manager", () -> catchball.proposeUp(units.get("W7"), cycle,
                new Proposal("Pharmacy-led discharge medicines round", "TTOs ready by 11:00", YEAR_END,
                        "Most of our late discharges wait for medicines.", "A pharmacy technician two mornings a week"),
                "Could this become a directorate priority?"));
    }

    private ItemView item(String unit, String title) {
        var matrix = planning.matrix(units.get(unit), cycle);
        return Stream.of(Side.WEST, Side.NORTH).flatMap(s -> matrix.side(s).stream())
                .filter(i -> i.title().equals(title)).findFirst().orElseThrow(() -> new IllegalStateException(title));
    }

    private static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }
}
