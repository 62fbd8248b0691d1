package app.catchball.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricValueView;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueSource;
import app.catchball.planning.A3Service;
import app.catchball.planning.A3Status;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PriorityA3;
import app.catchball.planning.PriorityStatus;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@SpringTest
class ReviewServiceTest {

    @Autowired
    ReviewService reviews;

    @Autowired
    DecisionService decisions;

    @Autowired
    MetricsService metrics;

    @Autowired
    A3Service a3s;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_published_snapshot_does_not_change_when_values_are_corrected_afterwards() {
        // Publishing is for good, so on a ward of its own: Ward 7's reviews stay as the demo left them.
        Fixtures.Ward ward = fixtures.ward("Published ward");
        long ward7 = ward.id();
        YearMonth september = YearMonth.of(2026, 9);
        long metric = fixtures.metric(ward, "Discharges before noon").id();
        SystemUser.runAs(ward.lead(), () -> metrics.saveValues(metric, List.of(
                new ValueEntry(september.minusMonths(1).atDay(1), new BigDecimal("31")),
                new ValueEntry(september.atDay(1), new BigDecimal("37"))), ValueSource.MANUAL));
        MetricInfo discharges = SystemUser.runAs("viewer", () -> metrics.metricsOf(ward7, fixture.cycle())).getFirst();
        BigDecimal original = SystemUser.runAs("viewer", () -> metrics.values(discharges.id())).stream()
                .filter(v -> v.period().equals(september.atDay(1))).map(MetricValueView::value).findFirst().orElseThrow();

        ReviewPage published = SystemUser.runAs(ward.lead(), () -> reviews.publish(ward7, september, 0));
        ReviewContent.MetricLine before = published.content().metrics().getFirst();
        assertThat(published.state()).isEqualTo(ReviewState.PUBLISHED);
        assertThat(before.cell(september).actual()).isEqualByComparingTo(original);
        try {
            SystemUser.runAs(ward.lead(), () -> metrics.saveValues(discharges.id(),
                    List.of(new ValueEntry(september.atDay(1), new BigDecimal("2"))), ValueSource.MANUAL));

            ReviewPage after = SystemUser.runAs("viewer", () -> reviews.page(ward7, september));
            assertThat(after.content()).isEqualTo(published.content());
            assertThat(after.content().metrics().getFirst().cell(september).actual()).isEqualByComparingTo(original);
            assertThat(after.changedSincePublished()).contains(discharges.label() + ", Sep 2026: "
                    + original.stripTrailingZeros().toPlainString() + " → 2.");
            // Not even the application's own role can change a published review behind the service's back.
            assertThatThrownBy(() -> jdbc.sql("update review set summary = 'rewritten' where unit_id = :u and month = :m")
                    .param("u", ward7).param("m", september.atDay(1)).update()).isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> SystemUser.runAs(ward.lead(), () -> reviews.publish(ward7, september, 1)))
                    .isInstanceOf(RuleViolation.class).hasMessage("The review of Sep 2026 is published and cannot change.");
        } finally {
            SystemUser.runAs(ward.lead(), () -> metrics.saveValues(discharges.id(),
                    List.of(new ValueEntry(september.atDay(1), original)), ValueSource.MANUAL));
        }
    }

    @Test
    void viewers_read_reviews_and_only_leads_prepare_and_publish_them() {
        long ward7 = fixture.unit("W7");
        ReviewPage page = SystemUser.runAs("viewer", () -> reviews.page(ward7, YearMonth.of(2026, 11)));
        assertThat(page.state()).isEqualTo(ReviewState.DRAFT);
        assertThat(page.mayPrepare()).isFalse();
        assertThatThrownBy(() -> SystemUser.runAs("viewer", () -> reviews.publish(ward7, YearMonth.of(2026, 11), page.version())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemUser.runAs("ward7.nurse", () -> reviews.saveSummary(ward7, YearMonth.of(2026, 11), "x",
                page.version()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> reviews.publish(fixture.unit("EAM"),
                YearMonth.of(2026, 11), 0))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_trust_review_shows_exceptions_priorities_and_the_units_below() {
        ReviewPage trust = SystemUser.runAs("viewer", () -> reviews.page(fixture.unit("NTH"), YearMonth.of(2026, 10)));
        assertThat(trust.state()).isEqualTo(ReviewState.PUBLISHED);
        assertThat(trust.content().trustName()).isEqualTo("Northshore Teaching Hospitals NHS Foundation Trust");
        assertThat(trust.content().priorityRollUp()).isEqualTo("2 of 4 priorities on track");
        assertThat(trust.content().below()).anyMatch(b -> b.unitCode().equals("EAM")
                && b.metric().equals("M2 Average length of stay") && b.reasons().contains("Consistently fails the target"));
        assertThat(trust.content().decisions()).extracting(ReviewContent.DecisionLine::status)
                .contains("Open", "Done", "Dropped");
    }

    @Test
    void open_decisions_carry_forward_until_closed_and_overdue_ones_are_their_owners() {
        Fixtures.Ward ward = fixtures.ward("Decisions ward");
        long eam = ward.id();
        String lead = ward.lead();
        Decision raised = SystemUser.runAs(lead, () -> decisions.add(eam, fixture.cycle(), YearMonth.of(2026, 6),
                new DecisionDraft("Staff the discharge lounge at weekends", userId(lead),
                        LocalDate.of(2026, 7, 31), DecisionStatus.OPEN, null)));
        assertThat(SystemUser.runAs("viewer", () -> decisions.decisions(eam, YearMonth.of(2026, 9))))
                .extracting(Decision::id).contains(raised.id());
        assertThat(SystemUser.runAs("viewer", () -> decisions.decisions(eam, YearMonth.of(2026, 5))))
                .extracting(Decision::id).doesNotContain(raised.id());
        assertThat(SystemUser.runAs(lead, decisions::overdueForMe)).extracting(OverdueAction::id).contains(raised.id());

        assertThatThrownBy(() -> SystemUser.runAs(lead, () -> decisions.update(raised.id(), new DecisionDraft(
                raised.text(), raised.ownerUserId(), raised.dueDate(), DecisionStatus.DONE, null), raised.version() + 1)))
                .isInstanceOf(ConflictException.class);
        SystemUser.runAs(lead, () -> decisions.update(raised.id(), new DecisionDraft(raised.text(),
                raised.ownerUserId(), raised.dueDate(), DecisionStatus.DONE, null), raised.version()));
        YearMonth later = YearMonth.now().plusMonths(1);
        assertThat(SystemUser.runAs("viewer", () -> decisions.decisions(eam, later))).extracting(Decision::id)
                .doesNotContain(raised.id());
        assertThat(SystemUser.runAs(lead, decisions::overdueForMe)).extracting(OverdueAction::id)
                .doesNotContain(raised.id());
        assertThatThrownBy(() -> SystemUser.runAs(lead, () -> decisions.add(eam, fixture.cycle(),
                YearMonth.of(2026, 6), new DecisionDraft(" ", userId(lead), LocalDate.of(2026, 7, 31),
                        DecisionStatus.OPEN, null)))).isInstanceOf(RuleViolation.class)
                .hasMessage("Please write the decision or action.");
    }

    @Test
    void an_a3_keeps_every_version_and_refuses_a_stale_save() {
        Fixtures.Ward ward = fixtures.ward("A3 ward");
        fixtures.item(ward, ItemKind.PRIORITY, "Discharge lounge pilot");
        PriorityStatus priority = SystemUser.runAs("viewer", () -> a3s.statuses(ward.id(), fixture.cycle())).getFirst();
        PriorityA3 draft = new PriorityA3(priority.priorityId(), 0, null, null, "Why", "Now", "Then", "Because",
                A3Status.AT_RISK, 10, List.of(), null, null, 0);
        PriorityA3 first = SystemUser.runAs(ward.lead(), () -> a3s.save(priority.priorityId(), draft, 0));
        PriorityA3 second = SystemUser.runAs(ward.lead(), () -> a3s.save(priority.priorityId(),
                new PriorityA3(priority.priorityId(), 0, null, null, "Why", "Now", "Then", "Because", A3Status.ON_TRACK,
                        40, List.of(), null, null, 0), first.version()));

        assertThatThrownBy(() -> SystemUser.runAs(ward.lead(), () -> a3s.save(priority.priorityId(), draft, first.version())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> SystemUser.runAs("viewer", () -> a3s.save(priority.priorityId(), draft, second.version())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SystemUser.runAs("viewer", () -> a3s.history(priority.priorityId())))
                .extracting(v -> v.status()).containsExactly(A3Status.ON_TRACK, A3Status.AT_RISK);
        assertThat(SystemUser.runAs("viewer", () -> a3s.version(priority.priorityId(), first.version())).percentComplete())
                .isEqualTo(10);
    }

    private long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }
}
