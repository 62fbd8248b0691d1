package app.catchball.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Screens on a ward phone: at a window this narrow or narrower, grids drop their secondary columns
 * so that they fit without scrolling sideways. The stylesheet's {@code @media (max-width: 700px)}
 * rules (rows that wrap, panels that stack) draw the same line.
 */
public final class Phones {

    /** The widest window, in CSS pixels, that is laid out as a phone. */
    public static final int MAX_WIDTH = 700;

    private Phones() {
    }

    /**
     * Hides these columns (all of one grid) while the window is a phone's width: as it was when the
     * page loaded, and again whenever it is resized across the line. What they show stays on the
     * desk layout, on the row's own page and in the exports.
     */
    public static void hideOnPhone(Grid.Column<?>... columns) {
        List<Grid.Column<?>> secondary = List.of(columns);
        Grid<?> grid = secondary.getFirst().getGrid();
        grid.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            show(secondary, page.getExtendedClientDetails().getWindowInnerWidth());
            Registration resize = page.addBrowserWindowResizeListener(e -> show(secondary, e.getWidth()));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    /** Whether the current UI's window was a phone's width when the page loaded (no UI: a desk). */
    public static boolean isPhone() {
        UI ui = UI.getCurrent();
        return ui != null && isPhone(ui.getPage().getExtendedClientDetails().getWindowInnerWidth());
    }

    /** Whether a window this wide is laid out as a phone; an unknown width (0 or less) is a desk. */
    public static boolean isPhone(int windowWidth) {
        return windowWidth > 0 && windowWidth <= MAX_WIDTH;
    }

    private static void show(List<Grid.Column<?>> columns, int windowWidth) {
        boolean visible = !isPhone(windowWidth);
        columns.forEach(column -> column.setVisible(visible));
    }
}
