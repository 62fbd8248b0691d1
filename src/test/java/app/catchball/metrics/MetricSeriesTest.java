package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.catchball.audit.AuditService;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.Move;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.CascadeStatus;
import app.catchball.planning.CycleRolledForward;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleStage;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.Proposal;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Transactional;

/**
 * A metric is an enduring series: one history across cycles, kept by the roll-forward; the demo's
 * closed 2025/26. The roll-forward carries what each module keeps per item of a cycle (bowling rules,
 * roll-up links, commitments, catchball steps), all or nothing.
 */
@SpringTest
class MetricSeriesTest {

    @Autowired
    MetricsService metrics;

    @Autowired
    MetricSeriesService series;

    @Autowired
    CycleService cycles;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditService audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BowlingRuleService bowling;

    @Autowired
    MetricRollupService rollups;

    @Autowired
    CatchballService catchball;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ApplicationEventPublisher events;

    private <T> T viewer(Supplier<T> work) {
        return SystemUser.runAs("viewer", work::get);
    }

    private CycleSummary previous() {
        return viewer(cycles::cycles).stream().filter(c -> c.name().equals("2025/26")).findFirst().orElseThrow();
    }

    private MetricInfo metric(String unit, long cycle, String title) {
        return viewer(() -> metrics.metricsOf(fixture.unit(unit), cycle)).stream().filter(m -> m.title().equals(title))
                .findFirst().orElseThrow();
    }

    @Test
    void the_demo_has_a_closed_2025_26_whose_ward_7_metrics_continue_into_2026_27_with_24_months_in_one_series() {
        CycleSummary previous = previous();
        CycleSummary current = viewer(() -> cycles.current().orElseThrow());
        assertThat(previous.stage()).isEqualTo(CycleStage.CLOSED);
        assertThat(previous.current()).isFalse();
        assertThat(current.previousCycleId()).isEqualTo(previous.id());

        Map<Long, Long> before = viewer(() -> series.seriesIds(fixture.unit("W7"), previous.id()));
        Map<Long, Long> now = viewer(() -> series.seriesIds(fixture.unit("W7"), current.id()));
        // The demo's Ward 7 metrics (other test classes add probe metrics of the current cycle only).
        List<MetricInfo> ward7 = viewer(() -> metrics.metricsOf(fixture.unit("W7"), current.id())).stream()
                .filter(m -> List.of("Discharges before noon", "Falls with harm", "Patients who would recommend the ward").contains(m.title())).toList();
        assertThat(ward7).hasSize(3);
        for (MetricInfo m : ward7) {
            MetricInfo old = metric("W7", previous.id(), m.title());
            assertThat(now.get(m.id())).as(m.title()).isEqualTo(before.get(old.id()));
            assertThat(viewer(() -> metrics.values(old.id()))).as(m.title()).hasSizeGreaterThanOrEqualTo(24)
                    .isEqualTo(viewer(() -> metrics.values(m.id())));
        }
        // Each cycle's bowling chart shows its own months of the one series.
        BowlingChart chart = viewer(() -> metrics.bowling(fixture.unit("W7"), previous.id()));
        assertThat(chart.months()).first().isEqualTo(YearMonth.of(2025, 4));
    }

    @Test
    @Transactional // rolls the whole trust forward: rolled back, so no other class sees a 2027/28
    void the_series_survives_the_roll_forward_and_the_spc_of_the_new_metric_shows_both_years() {
        Fixtures.Ward ward = fixtures.ward("Series entry ward");
        fixtures.metric(ward, "Beds open at 8am");
        CycleSummary next = SystemUser.runAs("chief.exec", () -> cycles.rollForward(fixture.cycle(), "2027/28 (series)"));
        MetricInfo discharges = metric("W7", fixture.cycle(), "Discharges before noon");
        MetricInfo carried = metric("W7", next.id(), "Discharges before noon");

        assertThat(carried.id()).isNotEqualTo(discharges.id());
        assertThat(carried.frequency()).isEqualTo(discharges.frequency());
        assertThat(viewer(() -> series.seriesIds(fixture.unit("W7"), next.id())).get(carried.id()))
                .isEqualTo(viewer(() -> series.seriesIds(fixture.unit("W7"), fixture.cycle())).get(discharges.id()));
        List<MetricValueView> values = viewer(() -> metrics.values(carried.id()));
        assertThat(values).isEqualTo(viewer(() -> metrics.values(discharges.id())));
        MetricSpc spc = viewer(() -> metrics.spc(carried.id()));
        assertThat(spc.periods()).hasSize(values.size()).contains(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1));
        assertThat(spc.periods().size()).isGreaterThanOrEqualTo(24);

        // A value entered through either cycle's item is the series' value: both read it, with its history.
        // (On a ward of the test's own: Ward 7's 24 months stay as the demo made them.)
        MetricInfo beds = metric(ward.code(), fixture.cycle(), "Beds open at 8am");
        MetricInfo bedsCarried = metric(ward.code(), next.id(), "Beds open at 8am");
        SystemUser.runAs(ward.lead(), () -> metrics.saveValues(bedsCarried.id(),
                List.of(new ValueEntry(LocalDate.of(2024, 10, 1), new BigDecimal("11"))), ValueSource.MANUAL));
        assertThat(viewer(() -> metrics.values(beds.id()))).extracting(MetricValueView::period)
                .contains(LocalDate.of(2024, 10, 1));
        assertThat(viewer(() -> metrics.history(beds.id()))).first()
                .satisfies(h -> assertThat(h.period()).isEqualTo(LocalDate.of(2024, 10, 1)));

        // The copied catchball threads keep their steps: as many, in order, ending in the thread's status.
        record Thread(long id, String status, long oldId) {
        }
        List<Thread> threads = jdbc.sql("""
                        select n.id, n.status, o.id as old_id from cascade_link n
                        join plan_item ns on ns.id = n.source_item_id and ns.cycle_id = :next
                        join cascade_link o on o.source_item_id = ns.carried_from_id and o.child_unit_id = n.child_unit_id
                        """).param("next", next.id()).query(Thread.class).list();
        assertThat(threads).isNotEmpty();
        for (Thread t : threads) {
            List<String> steps = jdbc.sql("select seq || ' ' || move || ' ' || state_after from catchball_step where link_id = :l order by seq")
                    .param("l", t.id()).query(String.class).list();
            assertThat(steps).as("thread %s", t.id()).isEqualTo(
                    jdbc.sql("select seq || ' ' || move || ' ' || state_after from catchball_step where link_id = :l order by seq")
                            .param("l", t.oldId()).query(String.class).list());
            if (!steps.isEmpty()) {
                assertThat(steps.getLast()).as("thread %s", t.id()).endsWith(" " + t.status());
            }
        }
        assertThat(threads).anySatisfy(t -> assertThat(jdbc.sql("select count(*) from catchball_step where link_id = :l")
                .param("l", t.id()).query(Integer.class).single()).isPositive());
    }

    /** The audit trail is read through its own connection, so this one commits (on a ward of its own). */
    @Test
    void the_audit_trail_names_a_series_value_in_words_on_the_metric_s_unit() {
        Fixtures.Ward ward = fixtures.ward("Audited series ward");
        long beds = fixtures.metric(ward, "Beds open at 8am").id();
        SystemUser.runAs(ward.lead(), () -> metrics.saveValues(beds,
                List.of(new ValueEntry(LocalDate.of(2024, 10, 1), new BigDecimal("11"))), ValueSource.MANUAL));

        assertThat(AuditService.typeName("series_value")).isEqualTo("metric value");
        assertThat(SystemUser.runAs("admin", () -> audit.search(
                new AuditService.AuditFilter(ward.lead(), ward.id(), "series_value", null, null), 0, 1)))
                .first().satisfies(e -> assertThat(e.sentence()).startsWith("Lead of " + ward.name() + " created value 11")
                        .endsWith(" for Oct 2024 in " + ward.name()));
    }

    @Test
    @Transactional // rolls the trust forward or changes Ward 7: rolled back, so no other class sees it
    void a_rebase_set_in_2025_26_still_applies_in_2026_27() {
        MetricInfo before = metric("W7", previous().id(), "Falls with harm");
        MetricInfo now = metric("W7", fixture.cycle(), "Falls with harm");
        int segmentsBefore = segments(now);
        try {
            SystemUser.runAs("ward7.manager", () -> metrics.changeSpcSettings(before.id(),
                    new SpcSettings(null, true, List.of(LocalDate.of(2025, 11, 1)))));

            assertThat(viewer(() -> metrics.spcSettings(now.id())).rebaseDates()).containsExactly(LocalDate.of(2025, 11, 1));
            assertThat(segments(now)).isEqualTo(segmentsBefore + 1);
        } finally {
            SystemUser.runAs("ward7.manager", () -> metrics.changeSpcSettings(now.id(), new SpcSettings(null, true, List.of())));
        }
        assertThat(viewer(() -> metrics.spcSettings(before.id())).rebaseDates()).isEmpty();
    }

    private int segments(MetricInfo metric) {
        return (int) viewer(() -> metrics.spc(metric.id())).result().points().stream()
                .map(p -> p.mean()).distinct().count();
    }

    @Test
    @Transactional // rolls the trust forward or changes Ward 7: rolled back, so no other class sees it
    void the_roll_forward_carries_each_metric_s_bowling_rule_roll_up_link_and_commitment_and_each_thread_s_steps() {
        Fixtures.Ward ward = fixtures.ward("Carried ward");
        Fixtures.Ward bay = fixtures.below(ward, "Carried bay");
        ItemView falls = fixtures.metric(ward, "Falls (carried)");
        ItemView numerator = fixtures.metric(ward, "Discharges before noon (carried)");
        ItemView denominator = fixtures.metric(ward, "All discharges (carried)");
        ItemView share = fixtures.metric(ward, "Share before noon (carried)");
        ItemView bayFalls = fixtures.metric(bay, "Bay falls (carried)");
        ItemView priority = fixtures.item(ward, ItemKind.PRIORITY, "Fewer falls (carried)");
        SystemUser.runAs("admin", () -> {
            bowling.changeRule(falls.id(), new BowlingRule(Aggregation.SUM, new BigDecimal("2"), false, null, null));
            bowling.changeRule(share.id(), new BowlingRule(Aggregation.RATIO, new BigDecimal("5"), true, numerator.id(), denominator.id()));
            return rollups.link(bayFalls.id(), falls.id(), RollupRule.SUM, null);
        });
        CascadeLinkView thread = SystemUser.runAs(ward.lead(), () -> catchball.proposeDown(priority.id(), List.of(bay.id()),
                new Proposal(priority.title(), "12", LocalDate.of(2027, 3, 31), null, null), "Your share?",
                new CommitmentTerms(falls.id(), RollupRule.SUM)).getFirst());
        SystemUser.runAs(bay.lead(), () -> catchball.act(thread.id(), Move.ACCEPT, null, "Agreed."));
        long agreed = jdbc.sql("select child_metric_id from metric_commitment where link_id = :l").param("l", thread.id())
                .query(Long.class).single();
        SystemUser.runAs(ward.lead(), () -> metrics.saveValues(falls.id(),
                List.of(new ValueEntry(LocalDate.of(2025, 10, 1), new BigDecimal("4"))), ValueSource.MANUAL));
        SystemUser.runAs(ward.lead(), () -> metrics.saveValues(falls.id(),
                List.of(new ValueEntry(LocalDate.of(2025, 10, 1), new BigDecimal("3"))), ValueSource.MANUAL));

        CycleSummary next = SystemUser.runAs("chief.exec", () -> cycles.rollForward(fixture.cycle(), "2027/28 (carried)"));

        long fallsCopy = copyOf(falls, next);
        long shareCopy = copyOf(share, next);
        BowlingRule fallsRule = viewer(() -> bowling.rule(fallsCopy));
        assertThat(fallsRule.aggregation()).isEqualTo(Aggregation.SUM);
        assertThat(fallsRule.tolerance()).isEqualByComparingTo("2");
        assertThat(fallsRule.tolerancePercent()).isFalse();
        BowlingRule shareRule = viewer(() -> bowling.rule(shareCopy));
        assertThat(shareRule.aggregation()).isEqualTo(Aggregation.RATIO);
        assertThat(shareRule.tolerance()).isEqualByComparingTo("5");
        assertThat(shareRule.tolerancePercent()).isTrue();
        assertThat(List.of(shareRule.numeratorId(), shareRule.denominatorId())).as("the copies of the parts, in the new cycle")
                .containsExactly(copyOf(numerator, next), copyOf(denominator, next));

        // The copy is the same series: the same values and the same history of corrections.
        assertThat(viewer(() -> series.seriesIds(ward.id(), next.id())).get(fallsCopy))
                .isEqualTo(viewer(() -> series.seriesIds(ward.id(), fixture.cycle())).get(falls.id()));
        assertThat(viewer(() -> metrics.values(fallsCopy)))
                .extracting(MetricValueView::period, v -> v.value().stripTrailingZeros().toPlainString())
                .containsExactly(tuple(LocalDate.of(2025, 10, 1), "3"));
        assertThat(viewer(() -> metrics.history(fallsCopy))).isEqualTo(viewer(() -> metrics.history(falls.id()))).hasSize(2);

        long bayFallsCopy = copyOf(bayFalls, next);
        long agreedCopy = copyOf(agreed, next);
        assertThat(viewer(() -> rollups.rollupOf(bayFallsCopy)).orElseThrow().contributesTo().parentMetricId()).isEqualTo(fallsCopy);
        assertThat(viewer(() -> rollups.rollupOf(fallsCopy)).orElseThrow().contributors())
                .extracting(MetricRollup.Contributor::metricId).containsExactlyInAnyOrder(bayFallsCopy, agreedCopy);

        long threadCopy = jdbc.sql("select id from cascade_link where cycle_id = :c and source_item_id = :s and child_unit_id = :u")
                .param("c", next.id()).param("s", copyOf(priority, next)).param("u", bay.id()).query(Long.class).single();
        assertThat(jdbc.sql("select parent_metric_id || ' ' || child_metric_id || ' ' || rule from metric_commitment where link_id = :l")
                .param("l", threadCopy).query(String.class).single()).isEqualTo(fallsCopy + " " + agreedCopy + " SUM");
        List<String> steps = viewer(() -> catchball.thread(threadCopy)).steps().stream()
                .map(st -> st.move() + " " + st.stateAfter() + " " + st.message()).toList();
        assertThat(steps).isEqualTo(viewer(() -> catchball.thread(thread.id())).steps().stream()
                .map(st -> st.move() + " " + st.stateAfter() + " " + st.message()).toList())
                .containsExactly("PROPOSE PROPOSED Your share?", "ACCEPT AGREED Agreed.");
        assertThat(viewer(() -> catchball.thread(threadCopy)).link().status()).isEqualTo(CascadeStatus.AGREED);
    }

    @Test
    void a_copy_that_fails_rolls_the_whole_roll_forward_back() {
        Fixtures.Ward ward = fixtures.ward("Rolled-back ward");
        ItemView falls = fixtures.metric(ward, "Falls (rolled back)");
        SystemUser.runAs("admin", () -> bowling.changeRule(falls.id(), new BowlingRule(Aggregation.SUM, null, false, null, null)));
        int steps = count("select count(*) from catchball_step");
        int rules = count("select count(*) from metric_bowling_rule");
        int[] copied = new int[4];
        // A listener of any module that fails after the others copied their rows (it is the last one asked).
        ApplicationListener<ApplicationEvent> failing = published -> {
            if (published instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof CycleRolledForward event) {
                copied[0] = count("select count(*) from plan_item where cycle_id = " + event.toCycleId());
                copied[1] = count("select count(*) from metric_bowling_rule") - rules;
                copied[2] = count("select count(*) from catchball_step") - steps;
                copied[3] = event.copyOf(falls.id()).isPresent() && event.carriedItems().size() == copied[0] ? 1 : 0;
                throw new IllegalStateException("The copy failed.");
            }
        };
        context.addApplicationListener(failing);
        try {
            assertThatThrownBy(() -> SystemUser.runAs("chief.exec", () -> cycles.rollForward(fixture.cycle(), "2027/28 (rolled back)")))
                    .isInstanceOf(IllegalStateException.class).hasMessage("The copy failed.");
        } finally {
            context.removeApplicationListener(failing);
        }

        assertThat(Arrays.stream(copied).boxed().toList()).as("items, bowling rules and steps were copied (every item in the event's mapping) before the failure")
                .allSatisfy(n -> assertThat(n).isPositive());
        assertThat(viewer(cycles::cycles)).extracting(CycleSummary::name).doesNotContain("2027/28 (rolled back)");
        assertThat(count("select count(*) from plan_item where carried_from_id = " + falls.id())).isZero();
        assertThat(count("select count(*) from metric_bowling_rule")).isEqualTo(rules);
        assertThat(count("select count(*) from catchball_step")).isEqualTo(steps);
    }

    @Test
    void the_copies_refuse_to_run_outside_the_roll_forward_s_transaction() {
        assertThatThrownBy(() -> events.publishEvent(new CycleRolledForward(fixture.cycle(), fixture.cycle(), Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    private long copyOf(ItemView item, CycleSummary cycle) {
        return copyOf(item.id(), cycle);
    }

    private long copyOf(long itemId, CycleSummary cycle) {
        return jdbc.sql("select id from plan_item where carried_from_id = :id and cycle_id = :c").param("id", itemId)
                .param("c", cycle.id()).query(Long.class).single();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
