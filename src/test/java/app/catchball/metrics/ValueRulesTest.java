package app.catchball.metrics;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.api.ApiTokenService;
import app.catchball.base.Formats;
import app.catchball.metrics.ui.MetricView;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One rule for a value's period, its number and the metric's state, given with the same message by
 * the form (Karibu), the CSV preview and the API (real HTTP), and nothing saved from a refused request.
 * Each test works on metrics of its own on a ward of the class's own, which no other test reads.
 */
class ValueRulesTest extends KaribuTest {

    @Autowired
    Fixtures fixtures;

    /** The class's own ward, made once: its probe metrics stay out of the demo wards. */
    private Fixtures.Ward ownWard() {
        return fixtures.wardOf(getClass(), "Value rules ward");
    }

    private static final AtomicInteger PROBES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    MetricsService metrics;

    @Autowired
    MetricImportService imports;

    @Autowired
    PlanningService planning;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void token() {
        token = SystemUser.runAs("admin", () -> tokens.create("Value rules")).token();
    }

    @Test
    void a_bad_period_gets_the_same_message_from_the_form_the_preview_and_the_api_and_nothing_is_saved() {
        MetricInfo metric = probe(Frequency.MONTHLY);
        String future = LocalDate.of(2099, 1, 1).toString();
        List<String[]> cases = List.of(
                new String[] {"2026-11-15", "15 Nov 2026 is not the first day of a month: a monthly value belongs to the first"
                        + " day of its month (1 Nov 2026)."},
                new String[] {future, "1 Jan 2099 is in the future: values can be entered up to the current month ("
                        + ValueRules.currentPeriod(Frequency.MONTHLY, LocalDate.now()).format(Formats.MONTH) + ")."},
                new String[] {"1999-12-01", "1 Dec 1999 is before 1 Jan 2000: values start in January 2000 at the earliest."},
                new String[] {"0000-01-01", "1 Jan 0000 is before 1 Jan 2000: values start in January 2000 at the earliest."});
        int historyBefore = history();
        login("admin");
        for (String[] c : cases) {
            String period = c[0];
            String message = c[1];
            // The form
            UI.getCurrent().navigate(MetricView.class, metric.id());
            setValue(_get(DatePicker.class, spec -> spec.withLabel("Period")), LocalDate.parse(period));
            setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Value")), new BigDecimal("5"));
            _click(_get(Button.class, spec -> spec.withText("Save value")));
            expectNotifications(message);
            // The CSV preview
            ImportPreview preview = preview(metric.code() + "," + period + ",5\n");
            assertThat(preview.rows()).singleElement().extracting(ImportPreview.Row::error).isEqualTo(message);
            // The API
            HttpResponse<String> answer = put(metric.id(), "[{\"period\":\"" + period + "\",\"value\":5}]");
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(field(answer, "field")).isEqualTo("period");
            assertThat(field(answer, "error")).isEqualTo("Entry 0: " + message);
        }
        assertThat(history()).isEqualTo(historyBefore);
        assertThat(stored(metric.id())).isZero();
    }

    @Test
    void a_request_with_one_bad_entry_saves_nothing_and_names_every_bad_entry() {
        MetricInfo metric = probe(Frequency.MONTHLY);

        HttpResponse<String> answer = put(metric.id(), "[{\"period\":\"2026-01-01\",\"value\":1},"
                + "{\"period\":\"2026-02-02\",\"value\":2},{\"period\":\"2026-03-01\",\"value\":3},"
                + "{\"period\":\"2026-04-01\",\"value\":1e308}]");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(field(answer, "field")).isEqualTo("period");
        assertThat(field(answer, "error")).isEqualTo("Entry 1: 2 Feb 2026 is not the first day of a month: a monthly value"
                + " belongs to the first day of its month (1 Feb 2026). Entry 3: A value must be smaller than 1,000,000,000,000.");
        assertThat(stored(metric.id())).isZero();

        HttpResponse<String> good = put(metric.id(), "[{\"period\":\"2026-01-01\",\"value\":1},{\"period\":\"2026-03-01\",\"value\":3}]");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(stored(metric.id())).isEqualTo(2);
    }

    @Test
    void overflowing_or_non_finite_numbers_are_refused_naming_the_value_everywhere() {
        MetricInfo metric = probe(Frequency.MONTHLY);
        for (String number : List.of("1e308", "1e400", "-1e999", "1000000000000")) {
            HttpResponse<String> answer = put(metric.id(), "[{\"period\":\"2026-01-01\",\"value\":" + number + "}]");
            assertThat(answer.statusCode()).as(number).isEqualTo(400);
            assertThat(field(answer, "field")).isEqualTo("value");
            assertThat(field(answer, "error")).isEqualTo("Entry 0: " + ValueRules.VALUE_TOO_LARGE);
        }
        assertThat(preview(metric.code() + ",2026-01,1e308\n").rows()).singleElement()
                .extracting(ImportPreview.Row::error).isEqualTo(ValueRules.VALUE_TOO_LARGE);
        login("admin");
        UI.getCurrent().navigate(MetricView.class, metric.id());
        setValue(_get(DatePicker.class, spec -> spec.withLabel("Period")), LocalDate.of(2026, 1, 1));
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Value")), new BigDecimal("1e308"));
        _click(_get(Button.class, spec -> spec.withText("Save value")));
        expectNotifications(ValueRules.VALUE_TOO_LARGE);
        assertThat(stored(metric.id())).isZero();
    }

    @Test
    void a_weekly_value_belongs_to_a_monday_and_an_archived_metric_takes_no_values() {
        MetricInfo weekly = probe(Frequency.WEEKLY);
        String wednesday = "18 Nov 2026 is not a Monday: a weekly value belongs to the Monday of its week (16 Nov 2026).";
        assertThat(preview(weekly.code() + ",2026-11-18,4\n").rows()).singleElement()
                .extracting(ImportPreview.Row::error).isEqualTo(wednesday);
        assertThat(field(put(weekly.id(), "[{\"period\":\"2026-11-18\",\"value\":4}]"), "error")).isEqualTo("Entry 0: " + wednesday);
        LocalDate futureMonday = LocalDate.of(2099, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        assertThat(field(put(weekly.id(), "[{\"period\":\"" + futureMonday + "\",\"value\":4}]"), "error"))
                .startsWith("Entry 0: 5 Jan 2099 is in the future: values can be entered up to the current week (week of ");
        assertThat(put(weekly.id(), "[{\"period\":\"2026-11-16\",\"value\":4}]").statusCode()).isEqualTo(200);

        SystemUser.runAs("admin", () -> planning.archiveItem(weekly.id(), planning.item(weekly.id()).version()));
        String archived = weekly.label() + " is archived: it takes no new values.";
        HttpResponse<String> answer = put(weekly.id(), "[{\"period\":\"2026-11-23\",\"value\":4}]");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(field(answer, "error")).isEqualTo(archived);
        assertThat(preview(weekly.code() + ",2026-11-23,4\n").rows()).singleElement()
                .extracting(ImportPreview.Row::error).isEqualTo(archived);
        login("admin");
        UI.getCurrent().navigate(MetricView.class, weekly.id());
        assertThat(_find(Button.class, spec -> spec.withText("Save value"))).isEmpty();
        assertThat(stored(weekly.id())).isEqualTo(1);
    }

    private MetricInfo probe(Frequency frequency) {
        long id = SystemUser.runAs("admin", () -> planning.createItem(ownWard().id(), fixture.cycle(), ItemKind.METRIC,
                ItemDraft.titled("Rules probe " + PROBES.incrementAndGet()).withMetric("count", Direction.UP, null, null, null))).id();
        return SystemUser.runAs("admin", () -> metrics.changeFrequency(id, frequency));
    }

    private ImportPreview preview(String csv) {
        return SystemUser.runAs("admin", () -> imports.preview(ownWard().id(), fixture.cycle(), "values.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    private HttpResponse<String> put(long metric, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/metrics/" + metric + "/values"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String field(HttpResponse<String> answer, String name) {
        JsonNode node = json.readTree(answer.body()).get(name);
        return node == null ? null : node.asString();
    }

    private int history() {
        return jdbc.sql("select count(*) from series_value_history").query(Integer.class).single();
    }

    private int stored(long metric) {
        return jdbc.sql("select count(*) from metric_value where metric_id = :m").param("m", metric).query(Integer.class).single();
    }
}
