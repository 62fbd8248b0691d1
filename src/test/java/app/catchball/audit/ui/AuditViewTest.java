package app.catchball.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.catchball.audit.AuditEntry;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The audit page is for Admins and Coaches; the navigation access check refuses everyone else. */
class AuditViewTest extends KaribuTest {

    @Test
    void a_viewer_is_refused_the_audit_page() {
        login("viewer");

        assertThrows(MockAccessDeniedException.class, () -> UI.getCurrent().navigate(AuditView.class));
    }

    @Test
    void a_coach_opens_the_audit_page() {
        login("coach");

        UI.getCurrent().navigate(AuditView.class);

        _get(H2.class, spec -> spec.withText("Audit trail"));
        DatePicker from = _get(DatePicker.class, spec -> spec.withLabel("From"));
        assertThat(from.getLocale()).as("dd/mm/yyyy").isEqualTo(Locale.UK);
        assertThat(from.getI18n().getFirstDayOfWeek()).as("weeks start on Monday").isEqualTo(1);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = _get(Grid.class);
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText).contains("What happened", "Change");
        assertThat(GridKt._get(grid, 0).sentence()).as("the newest entry reads as a sentence, not a table row")
                .doesNotContainPattern("(insert|update|delete) [a-z_]+ #\\d+");
        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Show changes with nothing visible")).getValue()).isFalse();
    }
}
