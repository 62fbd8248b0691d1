package app.catchball.demo;

import app.catchball.planning.Corner;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleStage;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Side;
import app.catchball.planning.Strength;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo plan for 2026/27: four True North goals, six breakthrough objectives and consistent
 * X-matrices cascaded from the trust to the Division of Medicine, Emergency & Acute Medicine and
 * Ward 7 — Respiratory (plus Surgery, Elderly Care and the Acute Medical Unit). Ward 7 carries two
 * deliberate warnings: a priority with no lead and a metric with no target and no correlation.
 */
class DemoPlan {

    private final CycleService cycles;
    private final PlanningService planning;
    private final Map<String, Long> units;
    private final Map<String, Long> users;
    private long cycle;

    DemoPlan(CycleService cycles, PlanningService planning, Map<String, Long> units, Map<String, Long> users) {
        this.cycles = cycles;
        this.planning = planning;
        this.units = units;
        this.users = users;
    }

    void seed() {
        CycleSummary c = cycles.create("2026/27", LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 1));
        cycle = c.id();
        cycles.makeCurrent(cycle);
        c = cycles.changeStage(cycle, CycleStage.DEPLOYED, cycles.get(cycle).version());
        List<ItemView> trust = trust();
        List<ItemView> medicine = medicine(trust);
        List<ItemView> acute = acute(medicine);
        ward7(acute);
    }

    /** Returns the trust's priorities P1..P4. */
    private List<ItemView> trust() {
        String u = "NTH";
        ItemView t1 = item(u, ItemKind.TRUE_NORTH, "Quality & safety");
        ItemView t2 = item(u, ItemKind.TRUE_NORTH, "Patient experience");
        ItemView t3 = item(u, ItemKind.TRUE_NORTH, "Our people");
        ItemView t4 = item(u, ItemKind.TRUE_NORTH, "Sustainability");
        ItemView b1 = breakthrough(t1, "Eliminate avoidable harm by 2030");
        ItemView b2 = breakthrough(t2, "No patient waits more than four hours in ED by 2029");
        ItemView b3 = breakthrough(t3, "Be a top-quartile NHS employer by 2029");
        ItemView b4 = breakthrough(t3, "Halve registered nurse vacancies by 2028");
        ItemView b5 = breakthrough(t4, "Recurrent financial balance by 2028");
        ItemView b6 = breakthrough(t4, "Cut our carbon footprint by half by 2030");
        ItemView a1 = item(u, ItemKind.ANNUAL, "Reduce falls with harm by 30%");
        ItemView a2 = item(u, ItemKind.ANNUAL, "78% of ED patients seen within four hours");
        ItemView a3 = item(u, ItemKind.ANNUAL, "Registered nurse vacancies down to 6%");
        ItemView a4 = item(u, ItemKind.ANNUAL, "Deliver £12m recurrent cost improvement");
        ItemView p1 = item(u, ItemKind.PRIORITY, "Safer patient flow");
        ItemView p2 = item(u, ItemKind.PRIORITY, "Harm-free care programme");
        ItemView p3 = item(u, ItemKind.PRIORITY, "Recruitment and retention");
        ItemView p4 = item(u, ItemKind.PRIORITY, "Theatre productivity");
        ItemView m1 = metric(u, "ED four-hour performance", "%", Direction.UP, "71", "78");
        ItemView m2 = metric(u, "Falls with harm per 1,000 bed days", "per 1,000", Direction.DOWN, "0.25", "0.18");
        ItemView m3 = metric(u, "Registered nurse vacancy rate", "%", Direction.DOWN, "9.5", "6");
        ItemView m4 = metric(u, "Staff engagement score", "score", Direction.UP, "6.8", "7.2");
        ItemView m5 = metric(u, "Cost improvement delivered", "£m", Direction.UP, "0", "12");
        ItemView o1 = owner(u, "chief.exec", null);
        ItemView o2 = owner(u, null, "Chief Nurse's office");
        ItemView o3 = owner(u, null, "Finance & operations");
        link(Corner.SW, b1, a1, Strength.STRONG);
        link(Corner.SW, b2, a2, Strength.STRONG);
        link(Corner.SW, b3, a3, Strength.MEDIUM);
        link(Corner.SW, b4, a3, Strength.STRONG);
        link(Corner.SW, b5, a4, Strength.STRONG);
        link(Corner.SW, b6, a4, Strength.WEAK);
        link(Corner.NW, a1, p2, Strength.STRONG);
        link(Corner.NW, a2, p1, Strength.STRONG);
        link(Corner.NW, a3, p3, Strength.STRONG);
        link(Corner.NW, a4, p4, Strength.STRONG);
        link(Corner.NW, a2, p4, Strength.WEAK);
        link(Corner.NE, p1, m1, Strength.STRONG);
        link(Corner.NE, p2, m2, Strength.STRONG);
        link(Corner.NE, p3, m3, Strength.STRONG);
        link(Corner.NE, p3, m4, Strength.MEDIUM);
        link(Corner.NE, p4, m5, Strength.STRONG);
        link(Corner.SE, m1, b2, Strength.STRONG);
        link(Corner.SE, m2, b1, Strength.STRONG);
        link(Corner.SE, m3, b4, Strength.STRONG);
        link(Corner.SE, m4, b3, Strength.STRONG);
        link(Corner.SE, m5, b5, Strength.STRONG);
        link(Corner.OWNERS, p1, o1, Strength.STRONG);
        link(Corner.OWNERS, p2, o2, Strength.STRONG);
        link(Corner.OWNERS, p3, o2, Strength.STRONG);
        link(Corner.OWNERS, p3, o3, Strength.MEDIUM);
        link(Corner.OWNERS, p4, o3, Strength.STRONG);
        planning.deploy(p1.id(), List.of(units.get("MED"), units.get("SUR")));
        planning.deploy(p2.id(), List.of(units.get("MED"), units.get("SUR")));
        return List.of(p1, p2, p3, p4);
    }

    private List<ItemView> medicine(List<ItemView> trustPriorities) {
        String u = "MED";
        List<ItemView> inputs = planning.matrix(units.get(u), cycle).side(Side.SOUTH);
        ItemView flow = inputs.get(0);
        ItemView harm = inputs.get(1);
        ItemView a1 = item(u, ItemKind.ANNUAL, "Fewer than 10 medical outliers a day");
        ItemView a2 = item(u, ItemKind.ANNUAL, "Cut inpatient falls with harm by 30%");
        ItemView p1 = item(u, ItemKind.PRIORITY, "Discharge before noon");
        ItemView p2 = item(u, ItemKind.PRIORITY, "Frailty same-day emergency care");
        ItemView p3 = item(u, ItemKind.PRIORITY, "Falls prevention bundle");
        ItemView m1 = metric(u, "Discharges before noon", "%", Direction.UP, "15", "33");
        ItemView m2 = metric(u, "Medical outliers", "per day", Direction.DOWN, "18", "10");
        ItemView m3 = metric(u, "Falls with harm per 1,000 bed days", "per 1,000", Direction.DOWN, "0.3", "0.2");
        ItemView o1 = owner(u, "medicine.director", null);
        ItemView o2 = owner(u, null, "Frailty team");
        link(Corner.SW, flow, a1, Strength.STRONG);
        link(Corner.SW, harm, a2, Strength.STRONG);
        link(Corner.NW, a1, p1, Strength.STRONG);
        link(Corner.NW, a1, p2, Strength.MEDIUM);
        link(Corner.NW, a2, p3, Strength.STRONG);
        link(Corner.NE, p1, m1, Strength.STRONG);
        link(Corner.NE, p2, m2, Strength.STRONG);
        link(Corner.NE, p1, m2, Strength.MEDIUM);
        link(Corner.NE, p3, m3, Strength.STRONG);
        link(Corner.SE, m1, flow, Strength.STRONG);
        link(Corner.SE, m2, flow, Strength.MEDIUM);
        link(Corner.SE, m3, harm, Strength.STRONG);
        link(Corner.OWNERS, p1, o1, Strength.STRONG);
        link(Corner.OWNERS, p2, o2, Strength.STRONG);
        link(Corner.OWNERS, p3, o1, Strength.STRONG);
        planning.deploy(p1.id(), List.of(units.get("EAM")));
        planning.deploy(p3.id(), List.of(units.get("EAM")));
        planning.deploy(p2.id(), List.of(units.get("ELD")));
        return List.of(p1, p2, p3);
    }

    private List<ItemView> acute(List<ItemView> medicinePriorities) {
        String u = "EAM";
        List<ItemView> inputs = planning.matrix(units.get(u), cycle).side(Side.SOUTH);
        ItemView discharge = inputs.get(0);
        ItemView falls = inputs.get(1);
        ItemView a1 = item(u, ItemKind.ANNUAL, "A third of discharges before noon on every ward");
        ItemView a2 = item(u, ItemKind.ANNUAL, "No falls with harm on our wards");
        ItemView p1 = item(u, ItemKind.PRIORITY, "Criteria-led discharge");
        ItemView p2 = item(u, ItemKind.PRIORITY, "Board rounds finished by 10:00");
        ItemView p3 = item(u, ItemKind.PRIORITY, "Enhanced observation for high-risk patients");
        ItemView m1 = metric(u, "Discharges before noon", "%", Direction.UP, "14", "33");
        ItemView m2 = metric(u, "Average length of stay", "days", Direction.DOWN, "7.2", "6");
        ItemView m3 = metric(u, "Falls with harm", "count", Direction.DOWN, "4", "0");
        ItemView o1 = owner(u, "acute.lead", null);
        ItemView o2 = owner(u, null, "Ward sisters' group");
        link(Corner.SW, discharge, a1, Strength.STRONG);
        link(Corner.SW, falls, a2, Strength.STRONG);
        link(Corner.NW, a1, p1, Strength.STRONG);
        link(Corner.NW, a1, p2, Strength.STRONG);
        link(Corner.NW, a2, p3, Strength.STRONG);
        link(Corner.NE, p1, m1, Strength.STRONG);
        link(Corner.NE, p2, m2, Strength.MEDIUM);
        link(Corner.NE, p3, m3, Strength.STRONG);
        link(Corner.SE, m1, discharge, Strength.STRONG);
        link(Corner.SE, m2, discharge, Strength.WEAK);
        link(Corner.SE, m3, falls, Strength.STRONG);
        link(Corner.OWNERS, p1, o1, Strength.STRONG);
        link(Corner.OWNERS, p2, o2, Strength.STRONG);
        link(Corner.OWNERS, p3, o2, Strength.STRONG);
        link(Corner.OWNERS, p3, o1, Strength.MEDIUM);
        planning.deploy(p1.id(), List.of(units.get("W7"), units.get("AMU")));
        planning.deploy(p3.id(), List.of(units.get("W7")));
        return List.of(p1, p2, p3);
    }

    private void ward7(List<ItemView> acutePriorities) {
        String u = "W7";
        List<ItemView> inputs = planning.matrix(units.get(u), cycle).side(Side.SOUTH);
        ItemView discharge = inputs.get(0);
        ItemView observation = inputs.get(1);
        ItemView a1 = item(u, ItemKind.ANNUAL, "Half of our patients home before noon");
        ItemView a2 = item(u, ItemKind.ANNUAL, "A year without a fall with harm");
        ItemView p1 = item(u, ItemKind.PRIORITY, "Daily discharge huddle");
        ItemView p2 = item(u, ItemKind.PRIORITY, "Safety huddle with falls risk review");
        ItemView p3 = item(u, ItemKind.PRIORITY, "Discharge lounge pilot");
        ItemView m1 = metric(u, "Discharges before noon", "%", Direction.UP, "12", "50");
        ItemView m2 = metric(u, "Falls with harm", "count", Direction.DOWN, "3", "0");
        ItemView m3 = metric(u, "Patients who would recommend the ward", "%", Direction.UP, "82", null);
        ItemView o1 = owner(u, "ward7.manager", null);
        ItemView o2 = owner(u, "ward7.nurse", null);
        link(Corner.SW, discharge, a1, Strength.STRONG);
        link(Corner.SW, observation, a2, Strength.STRONG);
        link(Corner.NW, a1, p1, Strength.STRONG);
        link(Corner.NW, a2, p2, Strength.STRONG);
        link(Corner.NW, a1, p3, Strength.WEAK);
        link(Corner.NE, p1, m1, Strength.STRONG);
        link(Corner.NE, p2, m2, Strength.STRONG);
        link(Corner.SE, m1, discharge, Strength.STRONG);
        link(Corner.SE, m2, observation, Strength.STRONG);
        link(Corner.OWNERS, p1, o1, Strength.STRONG);
        link(Corner.OWNERS, p2, o2, Strength.STRONG);
        link(Corner.OWNERS, p1, o2, Strength.MEDIUM);
        // Deliberate warnings: P3 has no lead; M3 has no target and no correlation.
    }

    private ItemView item(String unit, ItemKind kind, String title) {
        return planning.createItem(units.get(unit), kind == ItemKind.TRUE_NORTH ? null : cycle, kind, ItemDraft.titled(title));
    }

    private ItemView breakthrough(ItemView trueNorth, String title) {
        return planning.createItem(units.get("NTH"), cycle, ItemKind.BREAKTHROUGH,
                ItemDraft.titled(title).withTrueNorth(trueNorth.id()));
    }

    private ItemView metric(String unit, String title, String measure, Direction direction, String baseline, String target) {
        String owner = switch (unit) {
            case "NTH" -> "chief.exec";
            case "MED" -> "medicine.director";
            case "EAM" -> "acute.lead";
            default -> "ward7.manager";
        };
        return planning.createItem(units.get(unit), cycle, ItemKind.METRIC, ItemDraft.titled(title).withMetric(measure,
                direction, new BigDecimal(baseline), target == null ? null : new BigDecimal(target), LocalDate.of(2027, 3, 31))
                .withAccountable(users.get(owner)));
    }

    private ItemView owner(String unit, String username, String team) {
        String title = username != null ? null : team;
        ItemDraft draft = ItemDraft.titled(title == null ? "" : title).withOwner(username == null ? null : users.get(username), team);
        if (username != null) {
            draft = draft.withTitle(DemoData.USERS.stream().filter(d -> d.username().equals(username)).findFirst()
                    .orElseThrow().displayName());
        }
        return planning.createItem(units.get(unit), cycle, ItemKind.OWNER, draft);
    }

    private void link(Corner corner, ItemView a, ItemView b, Strength strength) {
        Strength s;
        do {
            s = planning.cycleCorrelation(corner, a.id(), b.id());
        } while (s != strength);
    }
}
