package app.catchball.planning.ui;

import app.catchball.base.ui.Notices;
import app.catchball.planning.MatrixImportPreview;
import app.catchball.planning.MatrixImportPreview.Outcome;
import app.catchball.planning.XMatrix;
import app.catchball.planning.XMatrixExport;
import app.catchball.planning.XMatrixImport;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * "Export to Excel" and "Import from Excel" for the X-matrix toolbar: the download of the
 * workbook (a {@link DownloadHandler} on an anchor) and the upload with its row-by-row preview,
 * where nothing is saved until the user confirms.
 */
final class XMatrixExcel {

    private static final String TEMPLATE = "/exchange/x-matrix-items-template.xlsx";

    private final XMatrixExport export;
    private final XMatrixImport imports;
    private final Supplier<XMatrix> current;
    private final Runnable afterImport;
    private final Anchor download;
    private final Button importButton = new Button("Import from Excel");

    XMatrixExcel(XMatrixExport export, XMatrixImport imports, Supplier<XMatrix> current, Runnable afterImport) {
        this.export = export;
        this.imports = imports;
        this.current = current;
        this.afterImport = afterImport;
        this.download = new Anchor((DownloadHandler) this::write, "Export to Excel");
        download.addClassName("x-matrix-excel");
        importButton.addClickListener(e -> openImport());
    }

    List<Component> components() {
        return List.of(download, importButton);
    }

    /** Shows the import only on an X-matrix the user may change. */
    void show(XMatrix matrix) {
        importButton.setVisible(matrix.editable());
    }

    private void write(DownloadEvent event) throws IOException {
        XMatrix matrix = current.get();
        event.setFileName(XMatrixExport.fileName(matrix));
        event.setContentType(XMatrixExport.CONTENT_TYPE);
        try (OutputStream out = event.getOutputStream()) {
            export.write(matrix.unit().id(), matrix.cycle().id(), out);
        }
    }

    private void openImport() {
        XMatrix matrix = current.get();
        Dialog dialog = new Dialog();
        VerticalLayout body = new VerticalLayout();
        Upload file = new Upload(event -> Notices.attemptOutsideUi(event.getUI(), () -> {
            try (InputStream content = event.getInputStream()) {
                return imports.preview(matrix.unit().id(), matrix.cycle().id(), event.getFileName(), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, event::reject).ifPresent(preview -> event.getUI().access(() -> showPreview(dialog, body, preview))));
        file.setMaxFiles(1);
        file.setAcceptedFileTypes(".xlsx", XMatrixExport.CONTENT_TYPE);
        file.setMaxFileSize(XMatrixImport.MAX_BYTES);
        dialog.setHeaderTitle("Import from Excel into " + matrix.unit().name() + " · " + matrix.cycle().name());
        Anchor template = new Anchor(DownloadHandler.forClassResource(XMatrixExcel.class, TEMPLATE, "x-matrix-items-template.xlsx"),
                "Download the template");
        body.add(new Paragraph("An X-matrix workbook exported from Catchball, or just its \"Items\" sheet: one row per item "
                + "with its kind and title, and its code to update an item. You will see every row checked before anything "
                + "is saved."), template, file);
        dialog.add(body);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()));
        dialog.setWidth("64rem");
        dialog.open();
    }

    void showPreview(Dialog dialog, VerticalLayout body, MatrixImportPreview preview) {
        body.removeAll();
        Grid<MatrixImportPreview.Row> rows = new Grid<>();
        rows.addColumn(MatrixImportPreview.Row::line).setHeader("Row").setWidth("5rem").setFlexGrow(0);
        rows.addColumn(MatrixImportPreview.Row::code).setHeader("Code").setWidth("5rem").setFlexGrow(0);
        rows.addColumn(MatrixImportPreview.Row::kind).setHeader("Kind");
        rows.addColumn(MatrixImportPreview.Row::title).setHeader("Title").setFlexGrow(2);
        rows.addColumn(r -> r.outcome().label()).setHeader("Import").setWidth("7rem").setFlexGrow(0);
        rows.addColumn(r -> r.note() == null ? "" : r.note()).setHeader("Why / what").setFlexGrow(2)
                .setTooltipGenerator(r -> r.note() == null ? "" : r.note());
        rows.setPartNameGenerator(r -> r.outcome() == Outcome.REFUSED ? "bad-row" : null);
        rows.setItems(preview.checked());
        rows.addClassName("import-preview");
        body.add(new Paragraph(preview.count(Outcome.NEW) + " new, " + preview.count(Outcome.UPDATE) + " to update, "
                + preview.count(Outcome.UNCHANGED) + " unchanged, " + preview.count(Outcome.REFUSED) + " refused. "
                + "Saving takes the rows that are not refused, all together, or nothing."), rows);
        Checkbox leaveUnassigned = new Checkbox("Import without them: their items stay unassigned");
        if (!preview.unknownPeople().isEmpty()) {
            UnorderedList people = new UnorderedList();
            preview.unknownPeople().forEach(p -> people.add(new ListItem(p)));
            people.addClassName("unknown-people");
            body.add(new H4("Not Catchball users"), new Paragraph("An Admin creates these people under Users, or correct "
                    + "the names in the file to existing users, then import again."), people, leaveUnassigned);
        }
        Button save = new Button("Save the import", e -> Notices.attempt(() -> {
            XMatrixImport.Saved saved = imports.save(preview, leaveUnassigned.getValue());
            Notices.ok("Imported: " + saved.added() + " new, " + saved.updated() + " updated.");
            dialog.close();
            afterImport.run();
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(preview.changes() && preview.unknownPeople().isEmpty());
        leaveUnassigned.addValueChangeListener(e -> save.setEnabled(preview.changes() && e.getValue()));
        dialog.getFooter().removeAll();
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    }
}
