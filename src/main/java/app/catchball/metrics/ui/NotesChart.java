package app.catchball.metrics.ui;

import app.catchball.base.Formats;
import app.catchball.metrics.Annotation;
import app.catchball.metrics.AnnotationService;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricSpc;
import app.catchball.metrics.spc.SpcChartNotes;
import com.vaadin.flow.component.html.Div;
import java.time.YearMonth;
import java.util.List;

/**
 * A metric's XmR chart as inline SVG (server-drawn, {@link SpcChartNotes}) with its notes as numbered
 * markers; inline rather than an image so that a marker shows its note on hover.
 */
final class NotesChart extends Div {

    NotesChart(MetricSpc spc, List<Annotation> notes) {
        MetricInfo metric = spc.metric();
        List<String> labels = spc.periods().stream().map(p -> Formats.MONTH.format(YearMonth.from(p))).toList();
        String svg = SpcChartNotes.svg(spc.result(), labels, metric.title(), metric.unitOfMeasure(),
                metric.target() == null ? null : metric.target().doubleValue(), 900, 360,
                AnnotationService.markers(spc.periods(), metric.frequency(), notes));
        addClassName("spc-chart");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", "XmR chart of " + metric.title()
                + (notes.isEmpty() ? "" : ", with " + notes.size() + (notes.size() == 1 ? " note" : " notes") + " listed below it"));
        getElement().setProperty("innerHTML", svg);
    }

    /** The SVG drawn, as the browser gets it. */
    String svg() {
        return getElement().getProperty("innerHTML");
    }
}
