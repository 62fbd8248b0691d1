package app.catchball.demo;

import app.catchball.capability.CapabilityService;
import app.catchball.capability.SkillLevelService;
import app.catchball.capability.SkillLevelView;
import app.catchball.metrics.MetricInfo;
import app.catchball.planning.CycleService;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Side;
import app.catchball.projects.LinkedItem;
import app.catchball.projects.PdsaDraft;
import app.catchball.projects.ProjectDraft;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectStage;
import app.catchball.projects.ProjectSummary;
import app.catchball.security.AccessService;
import app.catchball.security.Grant;
import app.catchball.security.Role;
import app.catchball.security.UserSummary;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * About 60 local projects across the demo wards at every stage — some unaligned, some without a
 * lead, some slipping — and people with skill levels, training and coaching. One matron has left
 * (deactivated) and one nurse moved ward (role revoked), so the continuity board has work on it.
 */
class DemoProjects {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    private record Person(String username, String displayName, String unitCode, Role role) {
    }

    /** Extra demo people: improvers on the wards (password as every demo user). */
    private static final List<Person> PEOPLE = List.of(
            new Person("k.hughes", "Kate Hughes", "EAM", Role.LEAD),
            new Person("d.kowalski", "Dan Kowalski", "W9", Role.CONTRIBUTOR),
            new Person("m.shah", "Maya Shah", "AMU", Role.CONTRIBUTOR),
            new Person("l.brown", "Liam Brown", "ED", Role.CONTRIBUTOR),
            new Person("r.osei", "Ruth Osei", "W8", Role.CONTRIBUTOR),
            new Person("h.evans", "Hannah Evans", "STROKE", Role.LEAD),
            new Person("f.ali", "Fatima Ali", "W11", Role.CONTRIBUTOR),
            new Person("c.jones", "Chris Jones", "W12", Role.CONTRIBUTOR),
            new Person("n.adeyemi", "Nia Adeyemi", "W22", Role.CONTRIBUTOR),
            new Person("s.green", "Sophie Green", "CHW", Role.CONTRIBUTOR),
            new Person("b.clarke", "Ben Clarke", "RAD", Role.CONTRIBUTOR),
            new Person("e.martin", "Emma Martin", "PHYSIO", Role.CONTRIBUTOR),
            new Person("i.rahman", "Dr Imran Rahman", "MED", Role.COACH));

    /** unit, title, aim, lead, stage, start, end, linked item (title), measure (unit:title). */
    private record P(String unit, String title, String aim, String lead, ProjectStage stage, String start, String end,
                     String link, String measure) {
    }

    private static final List<P> PROJECTS = List.of(
            // Ward 7: a practitioner on her third and fourth project, one slipping, one without a lead.
            new P("W7", "Falls safety huddle", "Falls with harm from 3 to 0 a month by March 2026", "ward7.nurse",
                    ProjectStage.SUSTAINING, "2025-06-01", "2026-03-31", "Safety huddle with falls risk review", "W7:Falls with harm"),
            new P("W7", "Discharge huddle at 09:30", "Half of discharges before noon by April 2026", "ward7.manager",
                    ProjectStage.SUSTAINING, "2025-10-01", "2026-04-30", "Daily discharge huddle", "W7:Discharges before noon"),
            new P("W7", "Medicines to take home ordered the day before", "TTOs ready by 10:00 for 80 % of discharges by Jan 2027",
                    "ward7.nurse", ProjectStage.TESTING, "2026-07-01", "2027-01-31", "Half of our patients home before noon",
                    "W7:Discharges before noon"),
            new P("W7", "Lying and standing blood pressure for over-65s", "95 % of over-65s checked within 24 h by Feb 2027",
                    "ward7.nurse", ProjectStage.IMPLEMENTING, "2026-05-01", "2027-02-28", "A year without a fall with harm",
                    "W7:Falls with harm"),
            new P("W7", "Bay nursing for high-risk patients", "No unwitnessed falls in bay 3 by March 2027", "k.hughes",
                    ProjectStage.TESTING, "2026-06-01", "2027-03-31", "Enhanced observation for high-risk patients", "W7:Falls with harm"),
            new P("W7", "Quiet protected mealtimes", "All patients who need help get it at lunch by March 2027", null,
                    ProjectStage.SCOPING, "2026-09-01", "2027-03-31", null, null),
            new P("W7", "Oxygen prescribing audit", "Every patient on oxygen has a prescribed target range", "ward7.nurse",
                    ProjectStage.CLOSED, "2025-01-01", "2025-06-30", null, null),
            // Emergency & Acute Medicine wards.
            new P("AMU", "Medical outlier escalation call", "Fewer than 10 medical outliers a day by June 2026", "m.shah",
                    ProjectStage.CLOSED, "2025-11-01", "2026-06-30", "Fewer than 10 medical outliers a day", "MED:Medical outliers"),
            new P("AMU", "Criteria-led discharge on AMU", "30 % of AMU discharges criteria-led by March 2027", "m.shah",
                    ProjectStage.IMPLEMENTING, "2026-04-01", "2027-03-31", "Criteria-led discharge", "EAM:Discharges before noon"),
            new P("AMU", "Board round by 10:00", "Board round finished by 10:00 on 90 % of days", "k.hughes",
                    ProjectStage.TESTING, "2026-05-01", "2027-01-31", "Board rounds finished by 10:00", "EAM:Average length of stay"),
            new P("AMU", "Same-day emergency care for frail patients", "70 % of frail patients home the same day", "m.shah",
                    ProjectStage.SCOPING, "2026-10-01", "2027-06-30", "Frailty same-day emergency care", null),
            new P("ED", "Rapid assessment and triage", "Triage within 15 minutes for 95 % of arrivals by March 2027", "l.brown",
                    ProjectStage.TESTING, "2026-06-01", "2027-03-31", "78% of ED patients seen within four hours",
                    "NTH:ED four-hour performance"),
            new P("ED", "Streaming to urgent treatment centre", "20 % of walk-ins streamed by January 2027", "l.brown",
                    ProjectStage.IMPLEMENTING, "2026-03-01", "2027-01-31", "Safer patient flow", "NTH:ED four-hour performance"),
            new P("ED", "Pain relief within 20 minutes", "90 % of patients in pain offered analgesia within 20 min", "l.brown",
                    ProjectStage.IDEA, null, null, null, null),
            new P("ED", "Handover from ambulance in 30 minutes", "No ambulance handover over 30 minutes by March 2027", null,
                    ProjectStage.SCOPING, "2026-10-01", "2027-03-31", "Safer patient flow", null),
            new P("W8", "Cardiac rehab referral before discharge", "All eligible patients referred before they go home", "r.osei",
                    ProjectStage.SUSTAINING, "2025-09-01", "2026-05-31", null, null),
            new P("W8", "Discharge letters by 11:00", "Discharge letter ready by 11:00 for 75 % of discharges", "r.osei",
                    ProjectStage.TESTING, "2026-06-01", "2027-02-28", "Criteria-led discharge", "EAM:Discharges before noon"),
            new P("W8", "Telemetry review twice a day", "No telemetry patient unreviewed for more than 12 hours", "r.osei",
                    ProjectStage.IMPLEMENTING, "2026-02-01", "2026-12-31", null, null),
            // Specialist Medicine: Dan Kowalski moved from Ward 9 to Ward 20, leaving two projects behind.
            new P("W9", "Endoscopy booking before discharge", "80 % of inpatient endoscopies booked before discharge",
                    "d.kowalski", ProjectStage.TESTING, "2026-04-01", "2027-01-31", "Discharge before noon", null),
            new P("W9", "Alcohol care team referral", "All patients with alcohol dependence referred within 24 h", "d.kowalski",
                    ProjectStage.IMPLEMENTING, "2026-01-01", "2026-12-31", null, null),
            new P("W9", "Nutrition screening on admission", "MUST score within 24 h for 95 % of admissions", null,
                    ProjectStage.IDEA, null, null, null, null),
            new P("W10", "Insulin safety", "No insulin omissions by March 2027", null,
                    ProjectStage.SCOPING, "2026-09-01", "2027-03-31", "Harm-free care programme", null),
            new P("W10", "Diabetes foot check", "Every diabetic inpatient has a foot check within 24 h", null,
                    ProjectStage.IDEA, null, null, null, null),
            new P("RENAL", "Dialysis transport waits", "Patients wait less than 30 min for transport home", null,
                    ProjectStage.SCOPING, "2026-08-01", "2027-03-31", null, null),
            new P("RENAL", "Fistula first", "60 % of new starters dialyse through a fistula", "i.rahman",
                    ProjectStage.TESTING, "2026-03-01", "2027-03-31", null, null),
            new P("STROKE", "Thrombolysis door to needle", "Median door to needle under 45 minutes", "h.evans",
                    ProjectStage.SUSTAINING, "2025-04-01", "2026-03-31", "Safer patient flow", null),
            new P("STROKE", "Swallow screen within 4 hours", "95 % screened within 4 h of arrival", "h.evans",
                    ProjectStage.IMPLEMENTING, "2026-01-01", "2026-12-31", "Harm-free care programme", null),
            new P("STROKE", "Early supported discharge", "40 % of stroke patients home with early supported discharge",
                    "h.evans", ProjectStage.CLOSED, "2024-10-01", "2025-09-30", "Discharge before noon", null),
            new P("ONC", "Neutropenic sepsis antibiotics in an hour", "Antibiotics within 60 min for 90 % of patients",
                    null, ProjectStage.TESTING, "2026-05-01", "2027-01-31", "Harm-free care programme", null),
            // Elderly care.
            new P("W11", "Frailty score at the front door", "Clinical frailty score for every over-75 within 4 hours",
                    "f.ali", ProjectStage.TESTING, "2026-05-01", "2027-01-31", "Frailty same-day emergency care", null),
            new P("W11", "Delirium screening", "4AT on admission for 90 % of over-65s", "f.ali", ProjectStage.SCOPING,
                    "2026-09-01", "2027-05-31", null, null),
            new P("W11", "Get up, get dressed, get moving", "70 % of patients dressed by 11:00", "f.ali",
                    ProjectStage.IMPLEMENTING, "2026-02-01", "2026-12-31", "Falls prevention bundle", null),
            new P("W12", "Hydration rounds", "Fluid charts complete for 90 % of patients", "c.jones", ProjectStage.TESTING,
                    "2026-06-01", "2027-02-28", null, null),
            new P("W12", "Falls sensor mats", "30 % fewer falls in the side rooms", "c.jones", ProjectStage.SUSTAINING,
                    "2025-07-01", "2026-04-30", "Falls prevention bundle", "MED:Falls with harm per 1,000 bed days"),
            new P("W12", "John's Campaign visiting", "Carers welcome at any time on every bay", "c.jones",
                    ProjectStage.CLOSED, "2025-01-01", "2025-10-31", null, null),
            new P("DAYH", "Falls clinic waiting list", "Wait for the falls clinic under 6 weeks", null, ProjectStage.IDEA,
                    null, null, null, null),
            // Surgery.
            new P("W20", "Surgical assessment ambulatory pathway", "25 % of referrals managed without admission", "d.kowalski",
                    ProjectStage.SCOPING, "2026-10-01", "2027-06-30", null, null),
            new P("W20", "Sepsis screening in surgical assessment", "95 % screened within an hour", null,
                    ProjectStage.TESTING, "2026-04-01", "2027-01-31", "Harm-free care programme", null),
            new P("W21", "Enhanced recovery after colorectal surgery", "Length of stay under 5 days for 70 % of patients",
                    null, ProjectStage.IMPLEMENTING, "2026-01-01", "2026-12-31", null, null),
            new P("W22", "Hip fracture to theatre in 36 hours", "90 % of hip fractures operated within 36 h", "n.adeyemi",
                    ProjectStage.TESTING, "2026-03-01", "2027-03-31", "Theatre productivity", null),
            new P("W22", "Pressure ulcer prevention on trauma", "No category 3 pressure ulcers by March 2027", "n.adeyemi",
                    ProjectStage.SCOPING, "2026-09-01", "2027-03-31", "Harm-free care programme", null),
            new P("W23", "Day-of-surgery admission", "95 % of elective patients admitted on the day", null,
                    ProjectStage.SUSTAINING, "2025-05-01", "2026-02-28", "Theatre productivity", null),
            new P("W24", "Amputation rehabilitation", "Physiotherapy within 48 h of surgery", null, ProjectStage.IDEA,
                    null, null, null, null),
            new P("FRAC", "Virtual fracture clinic", "50 % of simple fractures managed virtually", null,
                    ProjectStage.IMPLEMENTING, "2026-02-01", "2026-12-31", null, null),
            new P("THEA", "Theatre start on time", "First case starts by 08:45 on 85 % of lists", null,
                    ProjectStage.TESTING, "2026-04-01", "2027-03-31", "Theatre productivity", null),
            new P("THEA", "Reusable theatre gowns", "Half the theatre gowns reusable by 2027", null, ProjectStage.IDEA,
                    null, null, "Deliver £12m recurrent cost improvement", null),
            new P("ICU", "ICU discharge before 22:00", "No ICU discharges to wards after 22:00", null,
                    ProjectStage.TESTING, "2026-05-01", "2027-01-31", "Safer patient flow", null),
            new P("ICU", "Ventilator-associated pneumonia bundle", "Bundle compliance above 95 %", null,
                    ProjectStage.CLOSED, "2024-09-01", "2025-08-31", null, null),
            new P("DSU", "Day surgery as the default", "80 % of eligible procedures as day cases", null,
                    ProjectStage.SCOPING, "2026-09-01", "2027-06-30", "Theatre productivity", null),
            // Women's and children's.
            new P("LAB", "Fresh eyes on fetal monitoring", "Hourly fresh-eyes review for every trace", null,
                    ProjectStage.SUSTAINING, "2025-03-01", "2026-01-31", null, null),
            new P("BIRTH", "Skin-to-skin in the first hour", "90 % of babies skin-to-skin within an hour", null,
                    ProjectStage.IMPLEMENTING, "2026-01-01", "2026-12-31", null, null),
            new P("ANC", "Smoking cessation in pregnancy", "Every smoker referred at booking", null, ProjectStage.TESTING,
                    "2026-05-01", "2027-03-31", null, null),
            new P("CHW", "Paediatric early warning score", "PEWS complete for 95 % of observations", "s.green",
                    ProjectStage.IMPLEMENTING, "2026-02-01", "2026-12-31", "Harm-free care programme", null),
            new P("CHW", "Play before procedures", "Play specialist at 80 % of planned procedures", "s.green",
                    ProjectStage.IDEA, null, null, null, null),
            new P("NNU", "Breast milk on discharge", "70 % of babies on breast milk at discharge", null,
                    ProjectStage.SCOPING, "2026-10-01", "2027-09-30", null, null),
            // Clinical support.
            new P("RAD", "CT reporting in 24 hours", "90 % of inpatient CTs reported within 24 h", "b.clarke",
                    ProjectStage.TESTING, "2026-04-01", "2027-01-31", "Safer patient flow", null),
            new P("RAD", "MRI safety questionnaire online", "All outpatients complete it before arrival", "b.clarke",
                    ProjectStage.IDEA, null, null, null, null),
            new P("PATH", "Blood culture contamination", "Contamination rate below 3 %", null, ProjectStage.TESTING,
                    "2026-03-01", "2027-02-28", "Harm-free care programme", null),
            new P("PHARM", "Discharge prescriptions in 2 hours", "90 % of TTOs dispensed within 2 h", null,
                    ProjectStage.IMPLEMENTING, "2026-01-01", "2026-12-31", "Safer patient flow", null),
            new P("PHYSIO", "Seven-day physiotherapy for hip fracture", "Physiotherapy on the day after surgery, every day",
                    "e.martin", ProjectStage.TESTING, "2026-06-01", "2027-03-31", null, null),
            new P("OT", "Home assessment by video", "Half of home assessments by video call", null, ProjectStage.IDEA,
                    null, null, null, null));

    private final ProjectService projects;
    private final CapabilityService capability;
    private final SkillLevelService skillLevels;
    private final AccessService access;
    private final PlanningService planning;
    private final CycleService cycles;
    private final Map<String, Long> units;
    private final Map<String, Long> users;

    DemoProjects(ProjectService projects, CapabilityService capability, SkillLevelService skillLevels, AccessService access,
                 PlanningService planning, CycleService cycles, Map<String, Long> units, Map<String, Long> users) {
        this.projects = projects;
        this.capability = capability;
        this.skillLevels = skillLevels;
        this.access = access;
        this.planning = planning;
        this.cycles = cycles;
        this.units = units;
        this.users = new HashMap<>(users);
    }

    void seed() {
        Map<String, Grant> grants = new HashMap<>();
        for (Person p : PEOPLE) {
            UserSummary user = access.createUser(p.username(), p.displayName(), p.username() + "@northshore.example.nhs.uk",
                    UUID.randomUUID().toString(), false);
            users.put(p.username(), user.id());
            grants.put(p.username(), access.grant(user.id(), units.get(p.unitCode()), p.role()));
        }
        for (P p : PROJECTS) {
            project(p);
        }
        // Kate Hughes, a matron, was accountable for a priority on the directorate's X-matrix.
        ItemView observation = planning.matrix(units.get("EAM"), cycles.current().orElseThrow().id()).side(Side.NORTH)
                .stream().filter(i -> i.title().equals("Enhanced observation for high-risk patients")).findFirst().orElseThrow();
        ItemDraft draft = observation.toDraft();
        planning.updateItem(observation.id(), new ItemDraft(draft.title(), draft.description(), users.get("k.hughes"),
                draft.trueNorthId(), draft.unitOfMeasure(), draft.direction(), draft.baseline(), draft.target(),
                draft.dueDate(), draft.ownerUserId(), draft.teamName()), observation.version());
        capabilityRecords();
        // People move on: Kate Hughes left the trust; Dan Kowalski moved from Ward 9 to Ward 20.
        access.deactivate(users.get("k.hughes"));
        access.grant(users.get("d.kowalski"), units.get("W20"), Role.CONTRIBUTOR);
        access.revoke(grants.get("d.kowalski").id());
    }

    private void project(P p) {
        long unit = units.get(p.unit());
        ProjectSummary created = projects.create(unit, new ProjectDraft(p.title(), p.aim(),
                p.lead() == null ? null : users.get(p.lead()), teamFor(p), p.stage(),
                p.start() == null ? null : LocalDate.parse(p.start()), p.end() == null ? null : LocalDate.parse(p.end())));
        if (p.link() != null) {
            LinkedItem item = projects.linkableItems(unit).stream().filter(i -> i.title().equals(p.link())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No item " + p.link() + " for " + p.unit()));
            projects.link(created.id(), item.itemId());
        }
        if (p.measure() != null) {
            String[] unitAndTitle = p.measure().split(":", 2);
            MetricInfo metric = projects.measurableMetrics(unit).stream()
                    .filter(m -> m.unitId() == units.get(unitAndTitle[0]) && m.title().equals(unitAndTitle[1])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No metric " + p.measure() + " for " + p.unit()));
            projects.addMeasure(created.id(), metric.id());
        }
        if (p.stage().ordinal() >= ProjectStage.TESTING.ordinal() && p.start() != null) {
            LocalDate start = LocalDate.parse(p.start());
            int cycles = Math.min(3, p.stage().ordinal() - 1);
            for (int i = 0; i < cycles; i++) {
                LocalDate date = start.plusWeeks(3L * (i + 1));
                if (date.isAfter(TODAY)) {
                    break;
                }
                projects.addPdsa(created.id(), pdsa(p, i, date));
            }
        }
        if (p.stage().ordinal() >= ProjectStage.IMPLEMENTING.ordinal() && (p.title().length() % 2 == 0)) {
            projects.approve(created.id(), projects.summary(created.id()).version());
        }
    }

    private static String teamFor(P p) {
        return switch (p.unit()) {
            case "W7" -> "Ward 7 nurses, physiotherapist, ward pharmacist";
            case "ED", "AMU" -> "Nurse in charge, consultant of the day, patient flow team";
            default -> "Ward team";
        };
    }

    private static PdsaDraft pdsa(P p, int i, LocalDate date) {
        return switch (i) {
            case 0 -> new PdsaDraft(date, "Try it with one team for one week: " + p.aim(),
                    "Ran for five days on the early shift", "Worked on four days; missed at weekends when staffing was short",
                    "Adapt: add it to the weekend handover sheet");
            case 1 -> new PdsaDraft(date, "Add it to the weekend handover sheet and test for two weeks",
                    "Tested on all shifts", "Done on 12 of 14 days; staff say it takes five minutes",
                    "Adopt on this ward; share at the directorate meeting");
            default -> new PdsaDraft(date, "Spread to the night shift", "Two weeks of nights",
                    "Works at night with the site manager's support", "Adopt; hand over to business as usual");
        };
    }

    private void capabilityRecords() {
        Map<String, Long> level = new HashMap<>();
        for (SkillLevelView l : skillLevels.levels()) {
            level.put(l.name(), l.id());
        }
        String[][] skills = {
                {"coach", "Expert"}, {"medicine.director", "Advanced"}, {"acute.lead", "Advanced"},
                {"i.rahman", "Advanced"}, {"h.evans", "Advanced"}, {"chief.exec", "Practitioner"},
                {"ward7.manager", "Practitioner"}, {"ward7.nurse", "Practitioner"}, {"r.osei", "Practitioner"},
                {"c.jones", "Practitioner"}, {"s.green", "Practitioner"}, {"e.martin", "Practitioner"},
                {"k.hughes", "Practitioner"}, {"m.shah", "Foundation"}, {"l.brown", "Foundation"},
                {"f.ali", "Foundation"}, {"n.adeyemi", "Foundation"}, {"b.clarke", "Foundation"},
                {"d.kowalski", "Foundation"}};
        for (String[] s : skills) {
            capability.setLevel(users.get(s[0]), level.get(s[1]), null);
        }
        capability.addTraining(users.get("coach"), "IHI Improvement Advisor", LocalDate.of(2021, 6, 30));
        capability.addTraining(users.get("i.rahman"), "QSIR Practitioner", LocalDate.of(2023, 3, 15));
        capability.addTraining(users.get("i.rahman"), "Improvement coaching", LocalDate.of(2024, 2, 1));
        capability.addTraining(users.get("ward7.manager"), "QSIR Practitioner", LocalDate.of(2025, 5, 20));
        capability.addTraining(users.get("ward7.nurse"), "QSIR Fundamentals", LocalDate.of(2024, 9, 12));
        capability.addTraining(users.get("ward7.nurse"), "QSIR Practitioner", LocalDate.of(2025, 10, 2));
        capability.addTraining(users.get("m.shah"), "QI Foundations e-learning", LocalDate.of(2026, 1, 10));
        capability.addTraining(users.get("l.brown"), "QI Foundations e-learning", LocalDate.of(2026, 2, 3));
        capability.addTraining(users.get("f.ali"), "QI Foundations e-learning", LocalDate.of(2026, 4, 21));
        capability.startCoaching(users.get("coach"), users.get("ward7.manager"), LocalDate.of(2025, 9, 1));
        capability.startCoaching(users.get("i.rahman"), users.get("m.shah"), LocalDate.of(2026, 2, 1));
        capability.startCoaching(users.get("h.evans"), users.get("f.ali"), LocalDate.of(2026, 5, 1));
        capability.startCoaching(users.get("acute.lead"), users.get("r.osei"), LocalDate.of(2025, 11, 1));
    }
}
