package app.catchball.base.ui;

import app.catchball.base.UnitDirectory;
import app.catchball.base.UnitRef;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.shared.Registration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one unit picker of every screen that shows "a unit's …". It loads units as the user types
 * (a filtered, paged query: 3,000 units cost no more than 30), shows each by its full name and
 * short code, and opens on the unit in the {@code unit} query parameter or else the user's own
 * ({@link UnitDirectory#home()}). Screens navigate with the new {@code unit} parameter when the
 * user picks another unit, so the URL stays bookmarkable.
 */
public class UnitPicker extends ComboBox<UnitRef> {

    /** The query parameter that names the unit: its short code (or id). */
    public static final String PARAMETER = "unit";

    private final UnitDirectory units;
    private boolean selecting;

    public UnitPicker(UnitDirectory units) {
        super("Unit");
        this.units = units;
        setItems(query -> units.find(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream(),
                query -> units.count(query.getFilter().orElse("")));
        // On a phone the field is narrower than most names: the short code comes first, so what shows
        // still names the unit; the list and the tooltip give the whole name.
        setItemLabelGenerator(Phones.isPhone() ? u -> u.shortCode() + " · " + u.name() : UnitRef::label);
        setPlaceholder("Type a unit's name or code");
        setWidth("36rem");
        setMaxWidth("100%");
        addClassName("unit-picker");
        addValueChangeListener(e -> setTooltipText(e.getValue() == null ? null : e.getValue().label()));
    }

    /**
     * Shows the unit named by the {@code unit} query parameter, else the user's own unit; call it
     * from {@code beforeEnter}. A parameter that names no unit is said so, and the user's own unit
     * is shown instead. Does not count as a pick.
     */
    public Optional<UnitRef> select(QueryParameters parameters) {
        Optional<String> asked = parameters.getSingleParameter(PARAMETER).filter(p -> !p.isBlank());
        Optional<UnitRef> unit = asked.flatMap(units::byCodeOrId);
        if (asked.isPresent() && unit.isEmpty()) {
            Notices.error("There is no unit \u201c" + asked.get() + "\u201d. Showing your own unit instead.");
        }
        unit = unit.or(units::home);
        selecting = true;
        try {
            setValue(unit.orElse(null));
        } finally {
            selecting = false;
        }
        return unit;
    }

    /** Runs when the user picks another unit (not when {@link #select} shows one). */
    public Registration onPick(Consumer<UnitRef> listener) {
        return addValueChangeListener(e -> {
            if (!selecting && e.getValue() != null && !e.getValue().equals(e.getOldValue())) {
                listener.accept(e.getValue());
            }
        });
    }

    /** The {@code unit} query parameter's value for the shown unit. */
    public Optional<String> parameterValue() {
        return Optional.ofNullable(getValue()).map(UnitRef::shortCode);
    }
}
