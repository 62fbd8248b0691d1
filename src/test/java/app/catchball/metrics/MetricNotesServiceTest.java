package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.metrics.spc.SpcChartNotes;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.review.ReviewContent;
import app.catchball.review.ReviewService;
import app.catchball.security.Role;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Issue 12, points 8 and 9: commentary and annotations through the real services and database. */
@SpringTest
class MetricNotesServiceTest {

    @Autowired
    CommentaryService commentary;

    @Autowired
    AnnotationService annotations;

    @Autowired
    MetricsService metrics;

    @Autowired
    PlanningService planning;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReviewService reviews;

    private static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }

    @Autowired
    Fixtures fixtures;

    /** This class's own ward (beside Ward 7, under Emergency & Acute Medicine), made once. */
    private Fixtures.Ward ward() {
        return fixtures.wardOf(getClass(), "Commentary ward");
    }

    /** The ward's Lead (where Ward 7's tests used its manager). */
    private String lead() {
        return ward().lead();
    }

    /** The ward's Contributor (where Ward 7's tests used its nurse). */
    private String nurse() {
        return ward().contributor();
    }

    /** A fresh metric on the class's ward whose owner is {@code owner}, so tests do not share commentary. */
    private long metric(String title, String owner) {
        Long ownerId = jdbc.sql("select id from app_user where username = :u").param("u", owner).query(Long.class).single();
        return as(lead(), () -> planning.createItem(ward().id(), fixture.cycle(), ItemKind.METRIC,
                ItemDraft.titled(title).withMetric("count", Direction.DOWN, null, null, null).withAccountable(ownerId))).id();
    }

    private int versions() {
        return jdbc.sql("select count(*) from metric_commentary").query(Integer.class).single();
    }

    @Test
    void the_owner_and_contributors_leads_and_coaches_of_the_unit_write_commentary_and_others_are_refused() {
        // A Viewer of the ward of its own who owns the metric (the demo's viewer would then have values due).
        String owner = fixtures.person(ward(), Role.VIEWER);
        long m = metric("Commentary permissions probe", owner);
        YearMonth month = YearMonth.now().minusMonths(1);

        for (String writer : List.of(owner, nurse(), lead(), "coach", "acute.lead")) {
            as(writer, () -> commentary.write(m, month, "Written by " + writer, null, null,
                    commentary.commentary(m).stream().findFirst().map(Commentary::id).orElse(null)));
        }
        long other = metric("Commentary permissions probe, owned by the nurse", nurse());
        int before = versions();
        for (String refused : List.of(owner, "analyst")) {
            assertThatThrownBy(() -> as(refused, () -> commentary.write(other, month, "Not mine", null, null, null)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(versions()).isEqualTo(before);
        assertThat(as(owner, () -> commentary.mayWrite(m))).isTrue();
        assertThat(as(owner, () -> commentary.mayWrite(other))).isFalse();
        assertThat(as("analyst", () -> commentary.latest(m))).get().extracting(Commentary::whatHappened)
                .isEqualTo("Written by acute.lead");
    }

    @Test
    void every_edit_is_kept_with_who_and_when_and_the_latest_is_the_months_commentary() {
        long m = metric("Commentary history probe", lead());
        YearMonth oct = YearMonth.now().minusMonths(2);
        YearMonth nov = YearMonth.now().minusMonths(1);

        Commentary first = as(nurse(), () -> commentary.write(m, oct, "Two falls", "Night staffing", "Huddle", null));
        Commentary second = as(lead(), () -> commentary.write(m, oct, "Two falls with harm", "Agency nights",
                "Falls review at every huddle", first.id()));
        as(lead(), () -> commentary.write(m, nov, "None this month", null, null, null));
        Commentary unchanged = as(lead(), () -> commentary.write(m, nov, " None this month ", "", null,
                commentary.commentary(m).getFirst().id()));

        assertThat(as("viewer", () -> commentary.history(m))).extracting(c -> c.month() + " " + c.writtenBy() + ": " + c.whatHappened())
                .containsExactly(nov + " " + lead() + ": None this month", oct + " " + lead() + ": Two falls with harm",
                        oct + " " + nurse() + ": Two falls");
        assertThat(as("viewer", () -> commentary.commentary(m))).extracting(Commentary::id)
                .containsExactly(unchanged.id(), second.id());
        assertThat(second.writtenByName()).isEqualTo("Lead of " + ward().name());
        assertThat(second.writtenAt()).isNotNull();
        assertThat(as("viewer", () -> commentary.latestOf(metrics.bowling(ward().id(), fixture.cycle()))).get(m).month())
                .isEqualTo(nov);
        assertThat(as("viewer", () -> commentary.ofMonth(ward().id(), List.of(m), oct)).get(m).why()).isEqualTo("Agency nights");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where table_name = 'metric_commentary' and (after ->> 'metric_id')::bigint = :m")
                .param("m", m).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void a_version_saved_meanwhile_is_never_overwritten() {
        long m = metric("Commentary conflict probe", lead());
        YearMonth month = YearMonth.now().minusMonths(1);
        Commentary start = as(lead(), () -> commentary.write(m, month, "First", null, null, null));
        as(nurse(), () -> commentary.write(m, month, "The nurse's version", null, null, start.id()));

        assertThatThrownBy(() -> as(lead(), () -> commentary.write(m, month, "The manager's version", null, null, start.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Contributor on " + ward().name() + " saved the commentary of");
        assertThatThrownBy(() -> as(lead(), () -> commentary.write(m, month, "Started on an empty month", null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(as("viewer", () -> commentary.latest(m))).get().extracting(Commentary::whatHappened).isEqualTo("The nurse's version");
    }

    @Test
    void bad_commentary_is_refused_with_a_reason_and_nothing_is_saved() {
        long m = metric("Commentary rules probe", lead());
        YearMonth month = YearMonth.now().minusMonths(1);
        int before = versions();

        assertThatThrownBy(() -> as(lead(), () -> commentary.write(m, month, "  ", "Why", "Next", null)))
                .isInstanceOf(RuleViolation.class).hasMessage("Please say what happened.");
        assertThatThrownBy(() -> as(lead(), () -> commentary.write(m, YearMonth.now().plusMonths(1), "Early", null, null, null)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("is in the future");
        assertThatThrownBy(() -> as(lead(), () -> commentary.write(m, null, "No month", null, null, null)))
                .isInstanceOf(RuleViolation.class).hasMessage("Please choose the month the commentary is about.");
        assertThatThrownBy(() -> as(lead(), () -> commentary.write(m, month, "Fine", "x".repeat(2001), null, null)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("at most 2,000 characters");
        assertThat(as(lead(), () -> commentary.write(m, month, "y".repeat(2000), null, null, null)).whatHappened()).hasSize(2000);
        assertThat(versions()).isEqualTo(before + 1);
    }

    @Test
    void annotations_are_added_listed_drawn_and_removed_by_those_allowed_and_bad_ones_refused() {
        long m = metric("Annotation probe", lead());
        LocalDate today = LocalDate.now();

        Annotation note = as(nurse(), () -> annotations.add(m, today.withDayOfMonth(1), "New board round started"));
        assertThat(as("viewer", () -> annotations.annotations(m))).extracting(Annotation::text).containsExactly("New board round started");
        assertThat(note.createdByName()).isEqualTo("Contributor on " + ward().name());

        assertThatThrownBy(() -> as("viewer", () -> annotations.add(m, today, "Not mine"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(nurse(), () -> annotations.add(m, today.plusDays(1), "Tomorrow")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("is in the future");
        assertThatThrownBy(() -> as(nurse(), () -> annotations.add(m, today, " "))).hasMessage("Please write the note.");
        assertThatThrownBy(() -> as(nurse(), () -> annotations.add(m, today, "z".repeat(201))))
                .hasMessage("A note has at most 200 characters.");
        assertThatThrownBy(() -> as(nurse(), () -> annotations.add(m, null, "No date"))).hasMessage("Please give the note's date.");
        assertThatThrownBy(() -> as("viewer", () -> {
            annotations.remove(m, note.id());
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(as("viewer", () -> annotations.annotations(m))).hasSize(1);

        as(lead(), () -> {
            annotations.remove(m, note.id());
            return null;
        });
        assertThat(as("viewer", () -> annotations.annotations(m))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit.audit_event where table_name = 'metric_annotation' and operation = 'DELETE' "
                + "and (before ->> 'id')::bigint = :id").param("id", note.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void the_demo_chart_of_ward_7s_discharges_carries_its_note_as_a_marker_with_the_text_on_hover() {
        MetricInfo discharges = as("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).stream()
                .filter(x -> x.title().equals("Discharges before noon")).findFirst().orElseThrow();
        MetricSpc spc = as("viewer", () -> metrics.spc(discharges.id()));
        List<Annotation> notes = as("viewer", () -> annotations.annotations(discharges.id()));
        assertThat(notes).extracting(Annotation::text).contains("Daily discharge huddle started");

        List<SpcChartNotes.Note> markers = AnnotationService.markers(spc.periods(), discharges.frequency(), notes);
        assertThat(markers).extracting(SpcChartNotes.Note::x).contains((double) spc.periods().indexOf(LocalDate.of(2025, 11, 1)));
        String svg = SpcChartNotes.svg(spc.result(), spc.periods().stream().map(LocalDate::toString).toList(), "t", "%", 50.0,
                900, 360, markers);
        assertThat(svg).contains("<g class=\"spc-annotation\"><title>3 Nov 2025: Daily discharge huddle started</title>")
                .contains("viewBox='0.0 0.0 900.0 360.0'");
    }

    @Test
    void ward_7s_demo_commentary_fills_the_review_and_keeps_its_history() {
        MetricInfo falls = as("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).stream()
                .filter(x -> x.title().equals("Falls with harm")).findFirst().orElseThrow();
        assertThat(as("viewer", () -> commentary.history(falls.id()))).filteredOn(c -> c.month().equals(YearMonth.of(2026, 7)))
                .hasSize(2);

        ReviewContent october = as("viewer", () -> reviews.content(fixture.unit("W7"), YearMonth.of(2026, 10)));
        assertThat(october.metrics()).filteredOn(l -> l.metricId() == falls.id()).singleElement()
                .satisfies(l -> assertThat(l.commentary()).startsWith("What happened: 2 falls with harm")
                        .contains("\nWhy: Night staffing back to our own team.").contains("\nWhat next: "));
        MetricInfo discharges = as("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).stream()
                .filter(x -> x.title().equals("Discharges before noon")).findFirst().orElseThrow();
        assertThat(october.exceptions()).filteredOn(l -> l.metricId() == discharges.id()).singleElement()
                .satisfies(l -> assertThat(l.chart()).contains("<title>3 Nov 2025: Daily discharge huddle started</title>"));
        ReviewContent july = as("viewer", () -> reviews.content(fixture.unit("W7"), YearMonth.of(2026, 7)));
        assertThat(july.exceptions()).filteredOn(l -> l.metricId() == falls.id()).singleElement()
                .satisfies(l -> assertThat(l.commentary()).contains("Agency staffing on nights"));
    }
}
