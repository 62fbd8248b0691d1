package app.catchball.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.audit.AuditService;
import app.catchball.audit.AuditService.AuditFilter;
import app.catchball.capability.CapabilityService;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.InboxRow;
import app.catchball.planning.PlanFixture;
import app.catchball.projects.ContinuityBoard;
import app.catchball.projects.ContinuityService;
import app.catchball.projects.ProjectDraft;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectStage;
import app.catchball.security.SystemUser;
import app.catchball.support.Downloads;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "Export" menu of every list, followed as a user would (the download link in the menu), and
 * what comes out compared with what the same services show on the screen.
 */
class ExportMenuTest extends KaribuTest {

    @Autowired
    ProjectService projects;

    @Autowired
    ContinuityService continuity;

    @Autowired
    CapabilityService capability;

    @Autowired
    CatchballService catchball;

    @Autowired
    AuditService audit;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    /** One export: who, which screen, which link; the header it starts with; the rows it must hold (the first column). */
    record Case(String name, String user, String route, Map<String, String> parameters, String link, List<String> header,
                int column, Function<ExportMenuTest, List<String>> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> exports() {
        return Stream.of(
                new Case("bowling chart", "ward7.nurse", "metrics", Map.of("unit", "W7"), "Bowling chart (CSV)",
                        List.of("Metric", "Title", "Unit of measure", "Target", "Apr 2026 target", "Apr 2026", "Apr 2026 colour"),
                        0, t -> t.metricCodes()),
                new Case("SPC summary", "ward7.nurse", "metrics", Map.of("unit", "W7"), "SPC summary (CSV)",
                        List.of("Metric", "Title", "Latest period", "Latest value", "Variation", "Assurance", "Target"),
                        0, t -> t.metricCodes()),
                new Case("projects register", "viewer", "projects", Map.of("unit", "NTH", "below", "true"), "CSV",
                        List.of("Project", "Unit", "Stage", "Lead", "Team", "Start", "End", "Approved", "True North", "Linked to"),
                        0, t -> SystemUser.runAs("viewer", () -> t.projects.projectsOf(t.fixture.unit("NTH"), true)).stream()
                                .map(p -> p.title()).toList()),
                new Case("capability", "coach", "capability", Map.of("unit", "W7"), "CSV",
                        List.of("Person", "Unit", "Level", "Can coach", "Coach", "Courses", "Projects led"),
                        0, t -> SystemUser.runAs("coach", () -> t.capability.overview(t.fixture.unit("W7"))).people().stream()
                                .map(p -> p.displayName()).toList()),
                new Case("continuity board", "coach", "continuity", Map.of("unit", "NTH"), "CSV",
                        List.of("List", "Project or item", "Unit", "Stage", "Lead or accountable", "Ended", "Why"),
                        0, t -> t.boardLists()),
                new Case("audit search", "admin", "audit", Map.of(), "CSV",
                        List.of("When", "Who", "Operation", "Type", "Row", "Unit", "Change"),
                        3, t -> t.auditTypes()),
                new Case("catchball inbox", "medicine.director", "catchball", Map.of(), "CSV",
                        List.of("Proposal", "Target", "Between", "Status", "Waiting on", "Rounds", "Updated"),
                        0, t -> SystemUser.runAs("medicine.director", () -> t.catchball.inbox(t.fixture.cycle(), null)).stream()
                                .filter(r -> r.bucket() == InboxRow.Bucket.WAITING_ON_ME).map(InboxRow::title).toList()))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void each_list_exports_what_its_screen_shows(Case c) throws IOException {
        login(c.user());
        UI.getCurrent().navigate(c.route(), QueryParameters.simple(c.parameters()));

        Downloads.Answer csv = Downloads.follow(c.link());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.disposition()).contains("attachment").contains(".csv");
        List<CSVRecord> records = csv(csv.body());
        assertThat(records.getFirst().toList()).startsWith(c.header().toArray(String[]::new));
        List<String> expected = c.expected().apply(this);
        assertThat(expected).as("the demo data has rows for " + c.name()).isNotEmpty();
        assertThat(records.subList(1, records.size()).stream().map(r -> r.get(c.column())).toList()).isEqualTo(expected);

        Sheet sheet = xlsx(Downloads.follow(c.link().replace("CSV", "Excel")).body());
        assertThat(sheet.getLastRowNum()).isEqualTo(records.size() - 1);
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(c.header().getFirst());
    }

    @Test
    void numbers_and_dates_are_typed_cells_in_excel() throws IOException {
        login("ward7.nurse");
        UI.getCurrent().navigate("metrics", QueryParameters.simple(Map.of("unit", "W7")));

        Sheet spc = xlsx(Downloads.follow("SPC summary (Excel)").body());

        Row m1 = spc.getRow(1);
        assertThat(m1.getCell(0).getStringCellValue()).isEqualTo("M1");
        assertThat(m1.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(new DataFormatter().formatCellValue(m1.getCell(2))).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}");
        assertThat(m1.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(m1.getCell(4).getStringCellValue()).isNotBlank();
    }

    @Test
    void a_project_titled_as_a_formula_comes_out_as_text_in_csv_and_excel() throws IOException {
        String formula = "=HYPERLINK(\"http://evil.example/\",\"Click me\")";
        Fixtures.Ward ward = fixtures.ward("Export ward");
        SystemUser.runAs(ward.lead(), () -> projects.create(ward.id(),
                new ProjectDraft(formula, "+1 more", null, "@team", ProjectStage.IDEA, null, null)));
        login(ward.lead());
        UI.getCurrent().navigate("projects", QueryParameters.simple(Map.of("unit", ward.code())));

        CSVRecord row = csv(Downloads.follow("CSV").body()).stream().filter(r -> r.get(0).contains("HYPERLINK"))
                .findFirst().orElseThrow();
        assertThat(row.get(0)).isEqualTo("'" + formula);
        assertThat(row.get(4)).isEqualTo("'@team");
        assertThat(row.toList()).contains("'+1 more");

        Sheet sheet = xlsx(Downloads.follow("Excel").body());
        Cell title = null;
        for (Row r : sheet) {
            if (r.getCell(0).getStringCellValue().contains("HYPERLINK")) {
                title = r.getCell(0);
            }
        }
        assertThat(title).isNotNull();
        assertThat(title.getCellType()).isEqualTo(CellType.STRING);
        assertThat(title.getStringCellValue()).isEqualTo("'" + formula);
    }

    // ---------------------------------------------------------------- what the screens' services say

    List<String> metricCodes() {
        return jdbc.sql("select 'M' || number from plan_item where unit_id = :u and cycle_id = :c and kind = 'METRIC'"
                        + " and not archived order by sort_order, number")
                .param("u", fixture.unit("W7")).param("c", fixture.cycle()).query(String.class).list();
    }

    List<String> boardLists() {
        ContinuityBoard board = SystemUser.runAs("coach", () -> continuity.continuity(fixture.unit("NTH")));
        List<String> lists = new ArrayList<>();
        board.needsNewLead().forEach(o -> lists.add("Needs a new lead"));
        board.responsibilities().forEach(r -> lists.add("X-matrix item needs a new person"));
        board.slipping().forEach(p -> lists.add("Slipping"));
        return lists;
    }

    /** The type of every entry of the trail, newest first: more than one page of 500, so the export is not capped at a page. */
    List<String> auditTypes() {
        List<String> types = jdbc.sql("""
                select table_name from audit.audit_event a
                where not (a.operation = 'UPDATE' and (a.before - 'last_used_at' - 'session_version' - 'updated_at' - 'updated_by' - 'version')
                           = (a.after - 'last_used_at' - 'session_version' - 'updated_at' - 'updated_by' - 'version'))
                order by id desc""").query(String.class).list();
        assertThat(types).as("the trail spans more than one page").hasSizeGreaterThan(500);
        return types;
    }

    private static List<CSVRecord> csv(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    private static Sheet xlsx(byte[] body) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(body)).getSheetAt(0);
    }
}
