package app.catchball.base.ui;

import app.catchball.base.export.TableExport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Export" menu of every list: "CSV" and "Excel", each a plain download link. The table is
 * asked for when the user downloads, from the screen as it is then (its unit, cycle and filters),
 * through the same service calls and permission checks as the screen; a refusal is shown like any
 * other. Its rows are then streamed to the browser, page by page.
 */
public class ExportMenu extends MenuBar {

    private static final Logger log = LoggerFactory.getLogger(ExportMenu.class);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MenuItem export;

    /** "Export" offering "CSV" and "Excel" of the screen's list. */
    public ExportMenu(SerializableSupplier<TableExport<?>> table) {
        this(null, table);
    }

    /** "Export" offering "Bowling chart (CSV)" and "Bowling chart (Excel)" when a screen has more than one list. */
    public ExportMenu(String name, SerializableSupplier<TableExport<?>> table) {
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        addClassName("export-menu");
        export = addItem(VaadinIcon.DOWNLOAD_ALT.create());
        export.add("Export");
        also(name, table);
    }

    /** Offers another list of the screen, e.g. "SPC summary". */
    public ExportMenu also(String name, SerializableSupplier<TableExport<?>> table) {
        export.getSubMenu().addItem(link(name == null ? "CSV" : name + " (CSV)", table, false));
        export.getSubMenu().addItem(link(name == null ? "Excel" : name + " (Excel)", table, true));
        return this;
    }

    private static Anchor link(String text, SerializableSupplier<TableExport<?>> table, boolean excel) {
        Anchor anchor = new Anchor((DownloadHandler) event -> download(event, table, excel), AttachmentType.DOWNLOAD, text);
        anchor.addClassName("export-" + (excel ? "xlsx" : "csv"));
        return anchor;
    }

    private static void download(DownloadEvent event, SerializableSupplier<TableExport<?>> source, boolean excel)
            throws IOException {
        UI ui = event.getUI();
        // The screen's state is read under its lock; the rows are then written without holding it.
        AtomicReference<Optional<TableExport<?>>> asked = new AtomicReference<>(Optional.empty());
        ui.accessSynchronously(() -> asked.set(Notices.attempt(source::get)));
        if (asked.get().isEmpty()) {
            event.getResponse().setStatus(403);
            return;
        }
        TableExport<?> export = asked.get().get();
        event.setFileName(export.fileName(excel ? "xlsx" : "csv"));
        event.setContentType(excel ? XLSX : "text/csv; charset=UTF-8");
        try (OutputStream out = event.getOutputStream()) {
            if (excel) {
                export.writeXlsx(out);
            } else {
                export.writeCsvForExcel(out);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Export of {} failed", export.title(), e);
            throw e;
        }
    }
}
