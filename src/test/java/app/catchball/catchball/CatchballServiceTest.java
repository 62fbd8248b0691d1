package app.catchball.catchball;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.RuleViolation;
import app.catchball.catchball.InboxRow.Bucket;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.CascadeStatus;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.Party;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Proposal;
import app.catchball.planning.Side;
import app.catchball.planning.TraceNode;
import app.catchball.security.PermissionService;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/** Catchball through the real services on real PostgreSQL, as the demo users. */
@SpringTest
// Each test runs in a transaction that is rolled back: it changes demo units that other classes read.
@Transactional
class CatchballServiceTest {

    @Autowired
    CatchballService catchball;

    @Autowired
    PlanningService planning;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PermissionService permissions;

    @Autowired
    ApplicationContext context;

    private static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }

    private CascadeLinkView proposeToAcute(String title, String target) {
        ItemView item = fixture.create("MED", ItemKind.PRIORITY, title);
        return as("medicine.director", () -> catchball.proposeDown(item.id(), List.of(fixture.unit("EAM")),
                new Proposal(title, target, LocalDate.of(2027, 3, 31), "Why it matters", null), "Over to you")).getFirst();
    }

    @Test
    void a_proposal_countered_revised_and_accepted_lands_on_the_child_matrix_linked_to_the_parent() {
        CascadeLinkView link = proposeToAcute("Same-day discharge for ambulatory patients", "95 %");

        as("acute.lead", () -> catchball.act(link.id(), Move.COUNTER,
                new Proposal("Same-day discharge for ambulatory patients", "90 %", LocalDate.of(2027, 3, 31), null, "Two more nurses"),
                "95 % is not credible without staff."));
        as("medicine.director", () -> catchball.act(link.id(), Move.REVISE,
                new Proposal("Same-day discharge for ambulatory patients", "92 %", LocalDate.of(2027, 3, 31), null, "One more nurse"),
                "Meet in the middle?"));
        CascadeLinkView agreed = as("acute.lead", () -> catchball.act(link.id(), Move.ACCEPT, null, "Deal."));

        assertThat(agreed.status()).isEqualTo(CascadeStatus.AGREED);
        assertThat(agreed.rounds()).isEqualTo(3);
        assertThat(agreed.agreedAt()).isNotNull();
        ItemView input = fixture.item("EAM", "Same-day discharge for ambulatory patients");
        assertThat(input.kind()).isEqualTo(ItemKind.INPUT);
        assertThat(input.sourceUnitName()).isEqualTo("Division of Medicine");
        assertThat(input.description()).isEqualTo("Agreed through catchball: target 92 %, due 31 Mar 2027.");
        assertThat(as("viewer", () -> planning.lineOfSight(input.id()))).extracting(TraceNode::unitName).contains("Division of Medicine");

        ThreadView thread = as("viewer", () -> catchball.thread(link.id()));
        assertThat(thread.steps()).extracting(StepView::move).containsExactly(Move.PROPOSE, Move.COUNTER, Move.REVISE, Move.ACCEPT);
        assertThat(thread.steps()).extracting(StepView::actorName)
                .containsExactly("Dr James Whitfield", "Priya Nair", "Dr James Whitfield", "Priya Nair");
        assertThat(thread.steps().get(1).changes()).containsExactly("target 95 % → 90 %", "resources needed none → Two more nurses");
        assertThat(thread.steps().get(2).changes()).containsExactly("target 90 % → 92 %", "resources needed Two more nurses → One more nurse");
        assertThat(thread.steps().get(1).message()).isEqualTo("95 % is not credible without staff.");
        assertThat(thread.myParty()).isNull();
        assertThat(thread.myMoves()).isEmpty();
    }

    @Test
    void only_the_side_whose_turn_it_is_may_move_and_only_through_a_lead() {
        CascadeLinkView link = proposeToAcute("Ambulatory emergency care seven days a week", "7 days");

        assertThatThrownBy(() -> as("medicine.director", () -> catchball.act(link.id(), Move.ACCEPT, null, null)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("It is Emergency & Acute Medicine's turn: the proposal is waiting on Emergency & Acute Medicine, "
                        + "not on Division of Medicine.");
        for (String outsider : List.of("ward7.nurse", "viewer", "coach", "ward7.manager")) {
            assertThatThrownBy(() -> as(outsider, () -> catchball.act(link.id(), Move.ACCEPT, null, null)))
                    .as(outsider).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Only a Lead of Division of Medicine or of Emergency & Acute Medicine may take part in this thread.");
        }
        assertThatThrownBy(() -> as("acute.lead", () -> catchball.act(link.id(), Move.DECLINE, null, " ")))
                .hasMessage("Please give a reason for declining.");
        assertThatThrownBy(() -> as("acute.lead", () -> catchball.act(link.id(), Move.QUERY, null, null)))
                .hasMessage("Please write your question.");
        assertThatThrownBy(() -> as("acute.lead", () -> catchball.act(link.id(), Move.COUNTER, null, "Same again")))
                .hasMessageStartingWith("A counter-proposal changes");
        assertThat(as("viewer", () -> catchball.thread(link.id())).steps()).hasSize(1);
        assertThat(as("acute.lead", () -> catchball.thread(link.id())).myMoves())
                .containsExactlyInAnyOrder(Move.ACCEPT, Move.QUERY, Move.COUNTER, Move.DECLINE);
    }

    @Test
    void an_admin_moves_for_the_side_whose_turn_it_is() {
        CascadeLinkView link = proposeToAcute("Direct access to frailty assessment", "80 %");

        as("admin", () -> catchball.act(link.id(), Move.QUERY, null, "Which patients count?"));

        assertThat(as("admin", () -> catchball.thread(link.id())).steps().getLast().party()).isEqualTo(Party.CHILD);
    }

    @Test
    void reopening_an_agreement_continues_the_same_thread_and_a_new_agreement_updates_the_input() {
        CascadeLinkView link = proposeToAcute("Virtual ward for respiratory patients", "20 beds");
        as("acute.lead", () -> catchball.act(link.id(), Move.ACCEPT, null, null));

        as("acute.lead", () -> catchball.act(link.id(), Move.REOPEN,
                new Proposal("Virtual ward for respiratory patients", "15 beds", LocalDate.of(2027, 3, 31), null, null),
                "Winter staffing: we can only run 15."));
        assertThat(fixture.item("EAM", "Virtual ward for respiratory patients").description()).contains("20 beds");
        as("medicine.director", () -> catchball.act(link.id(), Move.AGREE, null, "Fine for this winter."));

        ThreadView thread = as("viewer", () -> catchball.thread(link.id()));
        assertThat(thread.steps()).extracting(StepView::move).containsExactly(Move.PROPOSE, Move.ACCEPT, Move.REOPEN, Move.AGREE);
        assertThat(thread.link().status()).isEqualTo(CascadeStatus.AGREED);
        assertThat(fixture.matrix("EAM").side(Side.SOUTH)).filteredOn(i -> i.title().equals("Virtual ward for respiratory patients"))
                .hasSize(1).first().satisfies(i -> assertThat(i.description()).contains("15 beds"));
    }

    @Test
    void a_ward_proposes_upwards_and_the_agreed_idea_becomes_a_directorate_priority_cascaded_back() {
        long cycle = fixture.cycle();
        Fixtures.Ward ward = fixtures.ward("Proposing ward");
        CascadeLinkView link = as(ward.lead(), () -> catchball.proposeUp(ward.id(), cycle,
                Proposal.titled("Respiratory nurse-led discharge clinic"), "An idea from our nurses"));
        assertThat(link.initiator()).isEqualTo(Party.CHILD);
        assertThat(link.parentUnitName()).isEqualTo("Emergency & Acute Medicine");

        as("acute.lead", () -> catchball.act(link.id(), Move.ACCEPT, null, "Yes, let's make it ours."));

        ItemView priority = fixture.item("EAM", "Respiratory nurse-led discharge clinic");
        assertThat(priority.kind()).isEqualTo(ItemKind.PRIORITY);
        ItemView input = fixtures.item(ward, "Respiratory nurse-led discharge clinic");
        assertThat(input.kind()).isEqualTo(ItemKind.INPUT);
        assertThat(input.sourceItemId()).isEqualTo(priority.id());
    }

    @Test
    void the_inbox_sorts_threads_into_waiting_on_me_waiting_on_them_agreed_and_closed() {
        long before = as("acute.lead", () -> catchball.waitingOnMe());
        CascadeLinkView link = proposeToAcute("Acute frailty unit in-reach", "7 days");

        assertThat(as("acute.lead", () -> catchball.waitingOnMe())).isEqualTo(before + 1);
        assertThat(as("acute.lead", () -> catchball.inbox(fixture.cycle(), null))).filteredOn(r -> r.linkId() == link.id())
                .singleElement().satisfies(r -> {
                    assertThat(r.bucket()).isEqualTo(Bucket.WAITING_ON_ME);
                    assertThat(r.between()).isEqualTo("Division of Medicine → Emergency & Acute Medicine");
                });
        assertThat(as("medicine.director", () -> catchball.inbox(null, null))).filteredOn(r -> r.linkId() == link.id())
                .extracting(InboxRow::bucket).containsExactly(Bucket.WAITING_ON_THEM);
        as("medicine.director", () -> catchball.act(link.id(), Move.WITHDRAW, null, "Not this year."));
        assertThat(as("acute.lead", () -> catchball.inbox(null, null))).filteredOn(r -> r.linkId() == link.id())
                .extracting(InboxRow::bucket).containsExactly(Bucket.CLOSED);
        assertThat(as("viewer", () -> catchball.agreementByUnit(fixture.cycle())))
                .anySatisfy(a -> assertThat(a.unitName()).isEqualTo("Emergency & Acute Medicine"));
    }

    @Test
    void the_demo_has_threads_in_every_state() {
        assertThat(jdbc.sql("select distinct status from cascade_link").query(String.class).list())
                .contains("DRAFT", "PROPOSED", "QUERIED", "COUNTERED", "AGREED", "DECLINED", "WITHDRAWN");
    }

    @Test
    void without_smtp_nothing_is_mailed_and_with_smtp_the_leads_of_the_waiting_side_get_an_email() {
        assertThat(context.getBeanNamesForType(JavaMailSender.class)).isEmpty();

        List<SimpleMailMessage> sent = new ArrayList<>();
        JavaMailSender recording = new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... messages) {
                sent.addAll(List.of(messages));
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mail", recording);
        CatchballMailer mailer = new CatchballMailer(beans.getBeanProvider(JavaMailSender.class), permissions, "catchball@nhs.example",
                "https://catchball.example");
        mailer.onMoved(new CatchballMoved(42, fixture.unit("MED"), fixture.unit("EAM"), Move.COUNTER, "acute.lead", "Priya Nair",
                "Fewer outliers", CascadeStatus.COUNTERED, Party.PARENT, fixture.unit("MED"), "Division of Medicine"));

        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.getTo()).containsExactly("medicine.director@northshore.example.nhs.uk");
            assertThat(m.getSubject()).isEqualTo("Catchball: Priya Nair countered “Fewer outliers”");
            assertThat(m.getText()).contains("https://catchball.example/catchball/thread/42");
        });
    }
}
