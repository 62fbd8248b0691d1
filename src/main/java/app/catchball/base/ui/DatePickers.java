package app.catchball.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import java.util.Locale;

/** Every date picker the British way: dd/mm/yyyy, weeks starting on Monday. */
public final class DatePickers {

    private DatePickers() {
    }

    /** Sets the picker to en-GB and returns it, so that it can wrap the constructor. */
    public static DatePicker british(DatePicker picker) {
        picker.setLocale(Locale.UK);
        picker.setI18n(new DatePickerI18n().setFirstDayOfWeek(1).setDateFormat("dd/MM/yyyy"));
        return picker;
    }
}
