package app.catchball.metrics.spc;

import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The XmR chart of {@link SpcChart} with a metric's dated notes drawn on it: a numbered pin and a
 * dotted line at each note's point, with the note's text as the marker's title (shown on hover in a
 * browser). The SVG scales to its box (viewBox), for the page and the board pack alike.
 */
public final class SpcChartNotes {

    /** A note at x (a point's index on the chart), its number and its text. */
    public record Note(double x, String number, String text) {
    }

    private static final String COLOUR = "#005eb8";

    private SpcChartNotes() {
    }

    public static String svg(SpcResult result, List<String> xLabels, String title, String unitOfMeasure, Double target,
                             int width, int height, List<Note> notes) {
        JFreeChart chart = SpcChart.chart(result, xLabels, title, unitOfMeasure, target);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle(0, 0, width, height), info);
        String svg = g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
        if (notes.isEmpty() || result.points().isEmpty()) {
            return svg;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        StringBuilder marks = new StringBuilder();
        for (Note note : notes) {
            double x = plot.getDomainAxis().valueToJava2D(note.x(), area, plot.getDomainAxisEdge());
            double top = area.getMinY();
            marks.append("<g class=\"spc-annotation\"><title>").append(escape(note.text())).append("</title>")
                    .append(line(x, top + 14, area.getMaxY(), "transparent", 10, null))
                    .append(line(x, top + 14, area.getMaxY(), COLOUR, 1.2, "2,3"))
                    .append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" rx=\"3\" fill=\"%s\"/>",
                            x - 7, top, COLOUR))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#ffffff\" font-family=\"sans-serif\" "
                            + "font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\">%s</text>", x, top + 10.5,
                            escape(note.number())))
                    .append("</g>");
        }
        int end = svg.lastIndexOf("</svg>");
        return svg.substring(0, end) + marks + svg.substring(end);
    }

    private static String line(double x, double y1, double y2, String colour, double width, String dashes) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                x, y1, x, y2, colour, width, dashes == null ? "" : " stroke-dasharray=\"" + dashes + "\"");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
