package app.catchball.metrics.ui;

import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.QueryParameters;

/**
 * The cycle picker of the metrics screens (Metrics and SPC summary): every planning cycle by name,
 * newest first, opening on the cycle of the {@code cycle} query parameter or else the current one.
 */
final class CyclePicker extends ComboBox<CycleSummary> {

    /** The query parameter that names the cycle: its id. */
    static final String PARAMETER = "cycle";

    CyclePicker(CycleService cycles) {
        super("Cycle");
        setItems(cycles.cycles());
        setItemLabelGenerator(CycleSummary::name);
    }

    /**
     * Shows the cycle named by the {@code cycle} query parameter, else the current cycle (nothing
     * changes when there is neither); call it from {@code beforeEnter}.
     */
    void select(QueryParameters parameters) {
        parameters.getSingleParameter(PARAMETER)
                .flatMap(id -> getListDataView().getItems().filter(c -> String.valueOf(c.id()).equals(id)).findFirst())
                .or(() -> getListDataView().getItems().filter(CycleSummary::current).findFirst())
                .ifPresent(this::setValue);
    }
}
