package app.catchball.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.RuleViolation;
import app.catchball.planning.MatrixImportPreview.Outcome;
import app.catchball.planning.MatrixImportPreview.Row;
import app.catchball.security.AccessService;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@SpringTest
class XMatrixExcelTest {

    @Autowired
    XMatrixExport export;

    @Autowired
    XMatrixImport imports;

    @Autowired
    PlanningService planning;

    @Autowired
    CycleService cycles;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessService access;

    /** The cycles this test made; deleted afterwards with everything imported into them. */
    private final List<Long> made = new ArrayList<>();

    /**
     * An empty cycle of its own, so that the tests leave the demo plan alone. The imports need the
     * trust itself (its True North goals), so what they put on the trust's X-matrix in this cycle is
     * deleted again after the test, with the cycle: tests own their data.
     */
    private long newCycle() {
        String name = "X" + UUID.randomUUID().toString().substring(0, 8);
        long id = SystemUser.runAs("admin", () -> cycles.create(name, LocalDate.of(2030, 4, 1), LocalDate.of(2031, 3, 1))).id();
        made.add(id);
        return id;
    }

    @AfterEach
    void deleteTheCyclesMade() {
        for (long cycle : made) {
            jdbc.sql("""
                    delete from correlation where item_a_id in (select id from plan_item where cycle_id = :cycle)
                        or item_b_id in (select id from plan_item where cycle_id = :cycle)""").param("cycle", cycle).update();
            jdbc.sql("delete from plan_item where cycle_id = :cycle").param("cycle", cycle).update();
            jdbc.sql("delete from cycle where id = :cycle").param("cycle", cycle).update();
        }
    }

    private byte[] exported(String user, long unitId, long cycleId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SystemUser.runAs(user, () -> export.write(unitId, cycleId, out));
        return out.toByteArray();
    }

    private static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(Sheet sheet, int r) {
        List<String> cells = new ArrayList<>();
        var row = sheet.getRow(r);
        for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
            var cell = row.getCell(c);
            cells.add(cell == null ? "" : cell.toString());
        }
        return cells;
    }

    private MatrixImportPreview preview(String user, long unitId, long cycleId, byte[] file) {
        return SystemUser.runAs(user, () -> imports.preview(unitId, cycleId, "plan.xlsx", new ByteArrayInputStream(file)));
    }

    /** A workbook with one sheet "Items": the header, then the rows. */
    static byte[] itemsSheet(String[] header, String[]... rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Items");
            for (int r = 0; r <= rows.length; r++) {
                String[] cells = r == 0 ? header : rows[r - 1];
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_workbook_holds_the_x_matrix_on_one_a3_landscape_page_the_items_and_what_it_is() throws IOException {
        XMatrix matrix = fixture.matrix("NTH");
        try (XSSFWorkbook workbook = open(exported("viewer", fixture.unit("NTH"), fixture.cycle()))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("X-matrix", "Items", "About");

            Sheet layout = workbook.getSheet("X-matrix");
            PrintSetup print = layout.getPrintSetup();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A3_PAPERSIZE);
            assertThat(print.getLandscape()).isTrue();
            assertThat(layout.getFitToPage()).isTrue();
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).isEqualTo((short) 1);
            String everything = allText(layout);
            ItemView p1 = matrix.side(Side.NORTH).getFirst();
            ItemView b1 = matrix.side(Side.SOUTH).getFirst();
            assertThat(everything).contains(p1.code() + " " + p1.title(), b1.code() + " " + b1.title(), "●");
            long symbols = everything.chars().filter(ch -> ch == '●' || ch == '○' || ch == '△').count();
            assertThat(symbols).isEqualTo(matrix.correlations().size());

            Sheet items = workbook.getSheet("Items");
            assertThat(row(items, 0).subList(0, 7)).containsExactly("Code", "Kind", "Title", "Description",
                    "Accountable person", "Target", "From");
            int expectedRows = XMatrixExport.itemsInOrder(matrix).size();
            assertThat(items.getLastRowNum()).isEqualTo(expectedRows);
            List<String> firstP = null;
            for (int r = 1; r <= expectedRows; r++) {
                if (row(items, r).getFirst().equals(p1.code())) {
                    firstP = row(items, r);
                }
            }
            assertThat(firstP).isNotNull();
            assertThat(firstP.subList(1, 3)).containsExactly("Improvement priority", p1.title());

            Sheet about = workbook.getSheet("About");
            assertThat(allText(about)).contains(matrix.unit().name(), matrix.cycle().name(), "Exported by",
                    jdbc.sql("select display_name from app_user where username = 'viewer'").query(String.class).single());
        }
    }

    @Test
    void a_title_that_is_a_formula_is_written_as_text_and_read_back_as_typed() throws IOException {
        long cycle = newCycle();
        long trust = fixture.unit("NTH");
        SystemUser.runAs("chief.exec", () -> planning.createItem(trust, cycle, ItemKind.PRIORITY, ItemDraft.titled("=1+2")));
        SystemUser.runAs("chief.exec", () -> planning.createItem(trust, cycle, ItemKind.ANNUAL,
                ItemDraft.titled("@SUM(A1)").withDescription("-2+3")));
        byte[] file = exported("chief.exec", trust, cycle);

        try (XSSFWorkbook workbook = open(file)) {
            String items = allText(workbook.getSheet("Items"));
            assertThat(items).contains("'=1+2", "'@SUM(A1)", "'-2+3").doesNotContain("|=1+2");
            assertThat(allText(workbook.getSheet("X-matrix"))).contains("P1 =1+2");
            workbook.getSheet("Items").forEach(r -> r.forEach(c -> assertThat(c.getCellType())
                    .isNotEqualTo(CellType.FORMULA)));
        }
        MatrixImportPreview again = preview("chief.exec", trust, cycle, file);
        assertThat(again.checked()).filteredOn(r -> r.code().equals("P1")).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.UNCHANGED));
        assertThat(again.changes()).isFalse();
    }

    @Test
    void a_demo_matrix_exported_and_imported_into_an_empty_cycle_comes_back_identical() {
        long trust = fixture.unit("NTH");
        long source = fixture.cycle();
        long target = newCycle();
        byte[] file = exported("chief.exec", trust, source);

        MatrixImportPreview preview = preview("chief.exec", trust, target, file);
        assertThat(preview.checked()).extracting(Row::outcome).doesNotContain(Outcome.REFUSED, Outcome.UPDATE);
        assertThat(preview.count(Outcome.UNCHANGED)).as("the True North goals, which are the trust's already")
                .isEqualTo(fixture.matrix("NTH").trueNorth().size());
        assertThat(preview.unknownPeople()).isEmpty();
        assertThat(SystemUser.runAs("chief.exec", () -> planning.matrix(trust, target)).side(Side.NORTH))
                .as("the preview saved nothing").isEmpty();

        XMatrixImport.Saved saved = SystemUser.runAs("chief.exec", () -> imports.save(preview, false));

        XMatrix before = SystemUser.runAs("chief.exec", () -> planning.matrix(trust, source));
        XMatrix after = SystemUser.runAs("chief.exec", () -> planning.matrix(trust, target));
        assertThat(saved.added()).isEqualTo(XMatrixExport.itemsInOrder(before).size() - before.trueNorth().size());
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            assertThat(after.side(side).stream().map(XMatrixExcelTest::described).toList()).as(side.label())
                    .isEqualTo(before.side(side).stream().map(XMatrixExcelTest::described).toList());
        }
        assertThat(links(after)).isEqualTo(links(before)).isNotEmpty();

        MatrixImportPreview twice = preview("chief.exec", trust, target, exported("chief.exec", trust, target));
        assertThat(twice.changes()).as("importing the copy's own export changes nothing").isFalse();
    }

    /** Everything an item says, without its id and code. */
    private static String described(ItemView i) {
        return String.join("|", i.kind().name(), i.title(), String.valueOf(i.description()), String.valueOf(i.accountableName()),
                String.valueOf(i.trueNorthId()), String.valueOf(i.unitOfMeasure()), String.valueOf(i.direction()),
                plain(i.baseline()), plain(i.target()), String.valueOf(i.dueDate()), String.valueOf(i.ownerName()),
                String.valueOf(i.teamName()));
    }

    private static String plain(BigDecimal n) {
        return n == null ? "null" : n.stripTrailingZeros().toPlainString();
    }

    /** The correlations by the titles of their items. */
    private static List<String> links(XMatrix m) {
        return m.correlations().stream()
                .map(c -> c.corner() + " " + m.item(c.a()).title() + " × " + m.item(c.b()).title() + " " + c.strength())
                .sorted().toList();
    }

    private static String allText(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(r -> r.forEach(c -> text.append(c.toString()).append('|')));
        return text.toString();
    }

    @Test
    void a_ward_re_importing_its_own_export_matches_its_cascaded_inputs_and_changes_nothing() {
        long ward = fixture.unit("W7");
        XMatrix matrix = fixture.matrix("W7");
        List<ItemView> inputs = matrix.side(Side.SOUTH).stream().filter(ItemView::inherited).toList();
        assertThat(inputs).isNotEmpty();
        int before = jdbc.sql("select count(*) from plan_item").query(Integer.class).single();

        MatrixImportPreview preview = preview("ward7.manager", ward, fixture.cycle(), exported("ward7.manager", ward, fixture.cycle()));

        assertThat(preview.checked()).extracting(Row::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(preview.checked()).filteredOn(r -> r.code().equals(inputs.getFirst().code())).singleElement()
                .satisfies(r -> assertThat(r.note()).startsWith("from "));
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> imports.save(preview, false)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("nothing to save");
        assertThat(jdbc.sql("select count(*) from plan_item").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void the_preview_refuses_each_bad_row_with_its_reason_and_row_number_and_lists_unknown_people() {
        long trust = fixture.unit("NTH");
        long cycle = newCycle();
        String[] header = {"Code", "Kind", "Title", "Accountable person", "Target", "Unit of measure", "Direction", "Baseline",
                "Due", "True North goal", "Owner (person)", "Team", "From", "P1", "A1", "M1", "A9", "P3", "M2"};
        byte[] file = itemsSheet(header,
                /* 2 */ row("P1", "Improvement priority", "Fewer falls", "Nobody Known"),
                /* 3 */ row("A1", "Annual objective", "Falls halved"),
                /* 4 */ row("M1", "Metric", "Falls per 1,000 bed days", "", "3", "per 1,000", "Lower is better", "6"),
                /* 5 */ row("", "Gizmo", "What is this"),
                /* 6 */ row("", "Improvement priority", ""),
                /* 7 */ row("P1", "Improvement priority", "Twice the same code"),
                /* 8 */ row("T1", "Annual objective", "Code of a True North goal"),
                /* 9 */ row("", "Metric", "Target no number", "", "lots", "%", "Higher is better"),
                /* 10 */ row("", "Metric", "Sideways", "", "5", "%", "Sideways"),
                /* 11 */ row("", "Metric", "Due someday", "", "5", "%", "Higher is better", "1", "someday"),
                /* 12 */ row("", "Metric", "No unit", "", "5", "", "Higher is better"),
                /* 13 */ row("", "Metric", "Target below baseline", "", "5", "%", "Higher is better", "9"),
                /* 14 */ row("", "Breakthrough objective", "Under no goal", "", "", "", "", "", "", "T99 Nothing"),
                /* 15 */ row("", "Cascaded input", "Never deployed here"),
                /* 16 */ row("", "Owner", "Owner nobody knows", "", "", "", "", "", "", "", "Anne Unknown"),
                /* 17 */ withLink(row("", "Improvement priority", "Links to a missing item"), header, "A9", "●"),
                /* 18 */ withLink(row("", "Annual objective", "Linked across the X"), header, "M1", "●"),
                /* 19 */ withLink(row("", "Annual objective", "Bad symbol"), header, "P1", "x"),
                /* 20 */ withLink(row("P3", "Improvement priority", "Says strong"), header, "M2", "●"),
                /* 21 */ withLink(row("M2", "Metric", "Says important", "", "5", "%", "Higher is better"), header, "P3", "○"),
                /* 22 */ withLink(row("", "Annual objective", "Linked weakly"), header, "P1", "△"),
                /* 23 */ row("", "Improvement priority", "x".repeat(301)),
                /* 24 */ row("", "Improvement priority", "Clean and new"));
        MatrixImportPreview preview = preview("chief.exec", trust, cycle, file);

        Map<Integer, Row> byLine = preview.checked().stream().collect(Collectors.toMap(Row::line, r -> r));
        assertThat(byLine.get(2).outcome()).isEqualTo(Outcome.NEW);
        assertThat(byLine.get(3).outcome()).isEqualTo(Outcome.NEW);
        assertThat(byLine.get(4).outcome()).isEqualTo(Outcome.NEW);
        assertRefused(byLine, 5, "Unknown kind “Gizmo”");
        assertRefused(byLine, 6, "a title");
        assertRefused(byLine, 7, "Duplicate code P1: it is also on row 2");
        assertRefused(byLine, 8, "T1 on this X-matrix is a True North goal, not an annual objective");
        assertRefused(byLine, 9, "The target “lots” is not a number");
        assertRefused(byLine, 10, "The direction “Sideways” is not one of");
        assertRefused(byLine, 11, "The due date “someday” is not a date");
        assertRefused(byLine, 12, "unit of measure");
        assertRefused(byLine, 13, "The target should be above the baseline");
        assertRefused(byLine, 14, "The True North goal “T99 Nothing” is not one of the trust's goals");
        assertRefused(byLine, 15, "is not cascaded to");
        assertRefused(byLine, 16, "The owner “Anne Unknown” is not a Catchball user");
        assertRefused(byLine, 17, "The link to A9 names no other item of this file");
        assertRefused(byLine, 18, "Only items on adjacent sides");
        assertRefused(byLine, 19, "“x” is not a link");
        assertRefused(byLine, 21, "The link with P3 is ● on row 20 but ○ here");
        assertThat(byLine.get(20).outcome()).isEqualTo(Outcome.NEW);
        assertThat(byLine.get(20).note()).contains("link to M2 left out: that row is refused");
        assertThat(byLine.get(22).outcome()).isEqualTo(Outcome.NEW);
        assertRefused(byLine, 23, "at most 300 characters");
        assertThat(byLine.get(24).outcome()).isEqualTo(Outcome.NEW);
        assertThat(preview.unknownPeople()).containsExactly("Nobody Known");
        assertThat(SystemUser.runAs("chief.exec", () -> planning.matrix(trust, cycle)).side(Side.NORTH)).isEmpty();

        assertThatThrownBy(() -> SystemUser.runAs("chief.exec", () -> imports.save(preview, false)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("Nobody Known");
        SystemUser.runAs("chief.exec", () -> imports.save(preview, true));
        XMatrix saved = SystemUser.runAs("chief.exec", () -> planning.matrix(trust, cycle));
        assertThat(saved.side(Side.NORTH)).extracting(ItemView::title).containsExactly("Fewer falls", "Says strong", "Clean and new");
        assertThat(saved.side(Side.NORTH).getFirst().accountableName()).as("left unassigned, as confirmed").isNull();
        assertThat(saved.side(Side.WEST)).extracting(ItemView::title).containsExactly("Falls halved", "Linked weakly");
        assertThat(saved.correlations()).singleElement().satisfies(c -> assertThat(c.strength()).isEqualTo(Strength.WEAK));
    }

    private static void assertRefused(Map<Integer, Row> byLine, int line, String reason) {
        assertThat(byLine.get(line)).as("row " + line).isNotNull();
        assertThat(byLine.get(line).outcome()).as("row " + line).isEqualTo(Outcome.REFUSED);
        assertThat(byLine.get(line).note()).as("row " + line).contains(reason);
    }

    private static String[] row(String... cells) {
        String[] row = new String[19];
        Arrays.fill(row, "");
        System.arraycopy(cells, 0, row, 0, cells.length);
        return row;
    }

    private static String[] withLink(String[] row, String[] header, String code, String symbol) {
        row[List.of(header).indexOf(code)] = symbol;
        return row;
    }

    @Test
    void saving_is_all_or_nothing_when_a_row_is_refused_since_the_preview() {
        long trust = fixture.unit("NTH");
        long cycle = newCycle();
        String name = "Temp Person " + UUID.randomUUID().toString().substring(0, 6);
        long temp = SystemUser.runAs("admin", () -> access.createUser("temp." + UUID.randomUUID().toString().substring(0, 6),
                name, null, "correct horse battery staple 7", false)).id();
        byte[] file = itemsSheet(new String[] {"Code", "Kind", "Title", "Owner (person)"},
                row("", "Annual objective", "New one"), row("", "Owner", "Owner", name));
        MatrixImportPreview preview = preview("chief.exec", trust, cycle, file);
        assertThat(preview.checked()).extracting(Row::outcome).containsExactly(Outcome.NEW, Outcome.NEW);

        SystemUser.runAs("admin", () -> access.deactivate(temp));

        assertThatThrownBy(() -> SystemUser.runAs("chief.exec", () -> imports.save(preview, true)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("Row 3: The owner “" + name + "” is not a Catchball user")
                .hasMessageContaining("nothing was saved");
        XMatrix after = SystemUser.runAs("chief.exec", () -> planning.matrix(trust, cycle));
        assertThat(after.side(Side.WEST)).as("the good first row was not saved either").isEmpty();
        assertThat(after.side(Side.OWNERS)).isEmpty();
    }

    @Test
    void the_template_imports_as_new_items_with_their_links() throws IOException {
        byte[] template;
        try (var in = getClass().getResourceAsStream("/exchange/x-matrix-items-template.xlsx")) {
            template = in.readAllBytes();
        }
        long trust = fixture.unit("NTH");
        long cycle = newCycle();

        MatrixImportPreview preview = preview("chief.exec", trust, cycle, template);

        assertThat(preview.checked()).extracting(Row::outcome).containsOnly(Outcome.NEW).hasSize(4);
        SystemUser.runAs("chief.exec", () -> imports.save(preview, false));
        XMatrix saved = SystemUser.runAs("chief.exec", () -> planning.matrix(trust, cycle));
        assertThat(saved.correlations()).extracting(CorrelationView::corner)
                .containsExactlyInAnyOrder(Corner.NW, Corner.NE, Corner.OWNERS);
        assertThat(saved.side(Side.EAST).getFirst().targetText()).isEqualTo("0.5 per 1,000 bed days");
        assertThat(saved.side(Side.EAST).getFirst().dueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void files_past_the_caps_and_non_workbooks_are_refused_with_a_clear_message() {
        long trust = fixture.unit("NTH");
        long cycle = newCycle();
        String[][] many = new String[XMatrixImport.MAX_ROWS + 1][];
        for (int i = 0; i < many.length; i++) {
            many[i] = row("", "Improvement priority", "Item " + i);
        }
        assertThatThrownBy(() -> preview("chief.exec", trust, cycle, itemsSheet(new String[] {"Code", "Kind", "Title"}, many)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("more than 1,000 rows");
        assertThatThrownBy(() -> preview("chief.exec", trust, cycle, new byte[XMatrixImport.MAX_BYTES + 10]))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("larger than 5 MB");
        assertThatThrownBy(() -> preview("chief.exec", trust, cycle, "not a workbook".getBytes()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("could not be read as an Excel workbook");
        assertThatThrownBy(() -> preview("viewer", trust, cycle, itemsSheet(new String[] {"Kind", "Title"}, row("Metric", "M"))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
