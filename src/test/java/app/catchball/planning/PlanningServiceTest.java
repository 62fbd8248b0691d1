package app.catchball.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import app.catchball.support.StatementCounter;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Cascade, line of sight, locking and cycles through the real services on real PostgreSQL. */
@SpringTest
// Each test runs in a transaction that is rolled back: it changes demo units that other classes read.
@Transactional
class PlanningServiceTest {

    @Autowired
    PlanningService planning;

    @Autowired
    CycleService cycles;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CascadeTree cascade;

    @Test
    void a_ward_priority_traces_up_to_true_north_through_every_level() {
        ItemView huddle = fixture.item("W7", "Daily discharge huddle");

        List<TraceNode> chain = SystemUser.runAs("ward7.nurse", () -> planning.lineOfSight(huddle.id()));

        assertThat(chain.getFirst().title()).isEqualTo("Daily discharge huddle");
        assertThat(chain).extracting(TraceNode::label).contains(
                "A1 Half of our patients home before noon — Ward 7 — Respiratory",
                "P1 Criteria-led discharge — Emergency & Acute Medicine",
                "P1 Discharge before noon — Division of Medicine",
                "P1 Safer patient flow — Northshore Teaching Hospitals NHS Foundation Trust",
                "B2 No patient waits more than four hours in ED by 2029 — Northshore Teaching Hospitals NHS Foundation Trust",
                "True North T2 Patient experience — Northshore Teaching Hospitals NHS Foundation Trust");
        assertThat(chain.stream().mapToInt(TraceNode::depth).max().orElse(0)).isGreaterThanOrEqualTo(10);
    }

    @Test
    void everything_cascaded_beneath_a_trust_priority_reaches_the_wards() {
        ItemView flow = fixture.item("NTH", "Safer patient flow");

        List<PlanNode> below = SystemUser.runAs("viewer", () -> everythingBeneath(flow.id(), fixture.cycle()));

        assertThat(below).extracting(PlanNode::unitName)
                .contains("Division of Medicine", "Division of Surgery", "Emergency & Acute Medicine",
                        "Ward 7 — Respiratory", "Acute Medical Unit");
        assertThat(below).extracting(PlanNode::title).contains("Daily discharge huddle");
    }

    @Test
    void the_cascade_opens_one_level_at_a_time_each_item_once_under_its_parent() {
        ItemView flow = fixture.item("NTH", "Safer patient flow");

        List<PlanNode> level = SystemUser.runAs("viewer", () -> cascade.children(flow.id(), fixture.cycle()));

        assertThat(level).extracting(PlanNode::id).doesNotHaveDuplicates();
        assertThat(level).extracting(PlanNode::unitName).first().isEqualTo("Northshore Teaching Hospitals NHS Foundation Trust");
        assertThat(level).filteredOn(n -> n.kind() == ItemKind.INPUT).extracting(PlanNode::unitName)
                .contains("Division of Medicine", "Division of Surgery");
        assertThat(level).allMatch(n -> n.kind() != ItemKind.OWNER);
        PlanNode medicine = level.stream().filter(n -> n.unitName().equals("Division of Medicine")).findFirst().orElseThrow();
        assertThat(medicine.hasChildren()).isTrue();
        assertThat(SystemUser.runAs("viewer", () -> cascade.roots(fixture.cycle()))).extracting(PlanNode::kind)
                .containsOnly(ItemKind.TRUE_NORTH).isNotEmpty();
    }

    /** Every item beneath, opening each node once as the tree would: breadth first, each item once. */
    private List<PlanNode> everythingBeneath(long itemId, long cycle) {
        Map<Long, PlanNode> seen = new LinkedHashMap<>();
        ArrayDeque<Long> todo = new ArrayDeque<>(List.of(itemId));
        while (!todo.isEmpty()) {
            for (PlanNode child : cascade.children(todo.pop(), cycle)) {
                if (seen.putIfAbsent(child.id(), child) == null && child.hasChildren()) {
                    todo.add(child.id());
                }
            }
        }
        return List.copyOf(seen.values());
    }

    @Test
    void a_deployed_priority_arrives_on_the_child_as_an_input_it_cannot_edit_but_can_correlate() {
        ItemView priority = fixture.item("EAM", "Board rounds finished by 10:00");
        Fixtures.Ward ward = fixtures.ward("Deployed-to ward");

        List<ItemView> created = SystemUser.runAs("acute.lead", () -> planning.deploy(priority.id(), List.of(ward.id())));

        ItemView input = created.getFirst();
        assertThat(input.kind()).isEqualTo(ItemKind.INPUT);
        assertThat(input.sourceUnitName()).isEqualTo("Emergency & Acute Medicine");
        assertThat(fixtures.matrix(ward).side(Side.SOUTH)).extracting(ItemView::title).contains("Board rounds finished by 10:00");
        assertThatThrownBy(() -> SystemUser.runAs("acute.lead", () -> planning.updateItem(input.id(),
                ItemDraft.titled("Changed"), input.version())))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("comes from Emergency & Acute Medicine and can only be changed there");
        ItemView annual = fixtures.item(ward, ItemKind.ANNUAL, "A ward annual objective");
        assertThat(SystemUser.runAs("acute.lead", () -> planning.cycleCorrelation(Corner.SW, input.id(), annual.id())))
                .isEqualTo(Strength.STRONG);
        assertThat(SystemUser.runAs("acute.lead", () -> planning.lineOfSight(annual.id())))
                .extracting(TraceNode::title).contains("Board rounds finished by 10:00", "Discharge before noon");
    }

    @Test
    void deploying_twice_or_past_a_child_is_refused() {
        ItemView flow = fixture.item("MED", "Discharge before noon");

        assertThatThrownBy(() -> SystemUser.runAs("medicine.director", () -> planning.deploy(flow.id(), List.of(fixture.unit("EAM")))))
                .hasMessage("P1 is already deployed to Emergency & Acute Medicine.");
        assertThatThrownBy(() -> SystemUser.runAs("medicine.director", () -> planning.deploy(flow.id(), List.of(fixture.unit("W9")))))
                .hasMessage("Items are deployed to the units directly below Division of Medicine only.");
    }

    @Test
    void the_second_of_two_leads_editing_the_same_item_is_told_who_changed_it_and_nothing_is_overwritten() {
        ItemView opened = fixture.item("EAM", "Criteria-led discharge");

        SystemUser.runAs("acute.lead", () -> planning.updateItem(opened.id(),
                opened.toDraft().withDescription("Nurses discharge against agreed criteria."), opened.version()));

        assertThatThrownBy(() -> SystemUser.runAs("medicine.director", () -> planning.updateItem(opened.id(),
                opened.toDraft().withDescription("Overwrite attempt"), opened.version())))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("P1 was changed by Priya Nair on ")
                .hasMessageContaining("Nothing was overwritten");
        assertThat(fixture.item("EAM", "Criteria-led discharge").description()).isEqualTo("Nurses discharge against agreed criteria.");
    }

    @Test
    void bad_input_gets_a_clear_message_and_changes_nothing() {
        int before = jdbc.sql("select count(*) from plan_item").query(Integer.class).single();
        long w7 = fixture.unit("W7");
        long cycle = fixture.cycle();

        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> planning.createItem(w7, cycle, ItemKind.PRIORITY, ItemDraft.titled("  "))))
                .hasMessage("Please give the improvement priority a title.");
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> planning.createItem(w7, cycle, ItemKind.METRIC, ItemDraft.titled("Length of stay"))))
                .hasMessage("Please give the metric's unit of measure (e.g. %, days, count).");
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> planning.createItem(w7, cycle, ItemKind.BREAKTHROUGH, ItemDraft.titled("Mine"))))
                .hasMessageContaining("Breakthrough objectives are set at trust level");
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> planning.createItem(w7, cycle, ItemKind.OWNER, ItemDraft.titled("Nobody"))))
                .hasMessage("An owner is either a person or a named team: choose one.");
        assertThat(jdbc.sql("select count(*) from plan_item").query(Integer.class).single()).isEqualTo(before);
    }

    /** Adds a trust-wide cycle (rolled back, as every test here). */
    @Test
    void a_closed_cycle_is_read_only() {
        CycleSummary closed = SystemUser.runAs("admin", () -> {
            CycleSummary c = cycles.create("2024/25", LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 1));
            return cycles.changeStage(c.id(), CycleStage.CLOSED, c.version());
        });

        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> planning.createItem(fixture.unit("W7"), closed.id(),
                ItemKind.PRIORITY, ItemDraft.titled("Too late"))))
                .hasMessage("The cycle 2024/25 is closed: its plan can no longer be changed.");
        assertThat(SystemUser.runAs("ward7.manager", () -> planning.matrix(fixture.unit("W7"), closed.id())).editable()).isFalse();
    }

    /** Rolls the whole trust forward (rolled back, as every test here: no other class sees 2027/28). */
    @Test
    void rolling_forward_carries_open_items_links_and_the_cascade_into_the_next_cycle() {
        CycleSummary next = SystemUser.runAs("chief.exec", () -> cycles.rollForward(fixture.cycle(), "2027/28"));

        XMatrix before = fixture.matrix("W7");
        XMatrix after = SystemUser.runAs("viewer", () -> planning.matrix(fixture.unit("W7"), next.id()));
        assertThat(after.cycle().firstMonth()).isEqualTo(LocalDate.of(2027, 4, 1));
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            assertThat(after.side(side)).extracting(ItemView::code, ItemView::title)
                    .containsExactlyElementsOf(before.side(side).stream()
                            .map(i -> Tuple.tuple(i.code(), i.title())).toList());
        }
        assertThat(after.correlations()).hasSameSizeAs(before.correlations());
        ItemView huddle = after.side(Side.NORTH).getFirst();
        assertThat(jdbc.sql("select carried_from_id from plan_item where id = :id").param("id", huddle.id())
                .query(Long.class).single()).isEqualTo(before.side(Side.NORTH).getFirst().id());
        assertThat(SystemUser.runAs("viewer", () -> planning.lineOfSight(huddle.id())))
                .extracting(TraceNode::label).contains("True North T2 Patient experience — Northshore Teaching Hospitals NHS Foundation Trust")
                .allSatisfy(label -> assertThat(label).isNotNull());
    }

    @Test
    void a_matrix_of_8_12_25_20_items_and_15_owners_is_built_from_at_most_10_statements() {
        long unit = SystemUser.runAs("admin", () -> jdbc.sql(
                "insert into org_unit (name, short_code, level_code, parent_id) values ('Big Ward', 'BIGW', 'WARD', :p) returning id")
                .param("p", fixture.unit("EAM")).query(Long.class).single());
        long cycle = fixture.cycle();
        jdbc.sql("""
                insert into plan_item (cycle_id, unit_id, kind, number, sort_order, title, unit_of_measure, direction, target, team_name)
                select :cycle, :unit, k.kind, g, g, k.kind || ' ' || g,
                       case when k.kind = 'METRIC' then '%' end, case when k.kind = 'METRIC' then 'UP' end,
                       case when k.kind = 'METRIC' then 90 end, case when k.kind = 'OWNER' then 'Team ' || g end
                from (values ('INPUT', 8), ('ANNUAL', 12), ('PRIORITY', 25), ('METRIC', 20), ('OWNER', 15)) as k(kind, n)
                cross join lateral generate_series(1, k.n) g
                """).param("cycle", cycle).param("unit", unit).update();
        jdbc.sql("""
                insert into correlation (corner, item_a_id, item_b_id, strength)
                select c.corner, a.id, b.id, 'STRONG'
                from (values ('SW', 'INPUT', 'ANNUAL'), ('NW', 'ANNUAL', 'PRIORITY'), ('NE', 'PRIORITY', 'METRIC'),
                             ('SE', 'METRIC', 'INPUT'), ('OWNERS', 'PRIORITY', 'OWNER')) as c(corner, ka, kb)
                join plan_item a on a.unit_id = :unit and a.kind = c.ka
                join plan_item b on b.unit_id = :unit and b.kind = c.kb and (a.number + b.number) % 3 = 0
                """).param("unit", unit).update();

        int[] statements = new int[1];
        XMatrix matrix = SystemUser.runAs("acute.lead", () -> StatementCounter.counting(() -> planning.matrix(unit, cycle), statements));

        assertThat(matrix.side(Side.SOUTH)).hasSize(8);
        assertThat(matrix.side(Side.WEST)).hasSize(12);
        assertThat(matrix.side(Side.NORTH)).hasSize(25);
        assertThat(matrix.side(Side.EAST)).hasSize(20);
        assertThat(matrix.side(Side.OWNERS)).hasSize(15);
        assertThat(matrix.correlations()).isNotEmpty();
        assertThat(statements[0]).as("SQL statements to build the matrix").isBetween(1, 10);
    }
}
