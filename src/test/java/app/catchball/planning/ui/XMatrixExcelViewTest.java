package app.catchball.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.ItemView;
import app.catchball.planning.MatrixImportPreview;
import app.catchball.planning.MatrixImportPreview.Outcome;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Side;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class XMatrixExcelViewTest extends KaribuTest {

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningService planning;

    private static byte[] items(String[]... rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("Items");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
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
    void a_lead_previews_an_import_row_by_row_and_nothing_is_saved_until_confirmed() {
        Fixtures.Ward ward = fixtures.ward("Importing ward");
        long cycle = fixture.cycle();
        long unit = ward.id();
        login(ward.lead());
        UI.getCurrent().navigate(XMatrixView.class, QueryParameters.simple(Map.of("unit", ward.code(), "cycle", String.valueOf(cycle))));
        assertThat(_get(Anchor.class, spec -> spec.withText("Export to Excel")).getHref()).isNotBlank();

        _click(_get(Button.class, spec -> spec.withText("Import from Excel")));
        UploadKt._upload(_get(Upload.class), "plan.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                items(new String[] {"Code", "Kind", "Title", "Accountable person"},
                        new String[] {"", "Improvement priority", "Fewer falls", "Someone New"},
                        new String[] {"", "Gizmo", "What is this"}));

        @SuppressWarnings("unchecked")
        Grid<MatrixImportPreview.Row> preview = _get(Grid.class, spec -> spec.withClasses("import-preview"));
        assertThat(GridKt._size(preview)).isEqualTo(2);
        assertThat(GridKt._get(preview, 0).outcome()).isEqualTo(Outcome.NEW);
        assertThat(GridKt._get(preview, 1).line()).isEqualTo(3);
        assertThat(GridKt._get(preview, 1).note()).startsWith("Unknown kind “Gizmo”");
        assertThat(_get(ListItem.class, spec -> spec.withText("Someone New"))).isNotNull();
        Button save = _get(Button.class, spec -> spec.withText("Save the import"));
        assertThat(save.isEnabled()).as("unknown people must be confirmed first").isFalse();
        assertThat(SystemUser.runAs(ward.lead(), () -> planning.matrix(unit, cycle)).side(Side.NORTH)).isEmpty();

        setValue(_get(Checkbox.class, spec -> spec.withLabel("Import without them: their items stay unassigned")), true);
        _click(save);

        expectNotifications("Imported: 1 new, 0 updated.");
        assertThat(SystemUser.runAs(ward.lead(), () -> planning.matrix(unit, cycle)).side(Side.NORTH))
                .extracting(ItemView::title).containsExactly("Fewer falls");
        assertThat(_find(Grid.class, spec -> spec.withClasses("import-preview"))).isEmpty();
    }

    @Test
    void a_reader_may_export_but_sees_no_import() {
        login("viewer");
        UI.getCurrent().navigate(XMatrixView.class);

        _get(Anchor.class, spec -> spec.withText("Export to Excel"));
        assertThat(_find(Button.class, spec -> spec.withText("Import from Excel"))).isEmpty();
    }
}
