package app.catchball.metrics.spc;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** Renders an analysed series as a Making Data Count styled XmR chart in SVG. */
public final class SpcChart {

    static final Color IMPROVEMENT = new Color(0x289de0);
    static final Color CONCERN = new Color(0xfab428);
    static final Color NEUTRAL = new Color(0x361475);
    static final Color COMMON = new Color(0x7f7f7f);
    static final Color DATA_LINE = new Color(0xa6a6a6);
    static final Color MEAN = new Color(0x231f20);
    static final Color LIMIT = new Color(0x7f7f7f);
    static final Color TARGET = new Color(0xde1b1b);

    private static final Stroke SOLID = new BasicStroke(1.5f);
    private static final Stroke DASHED =
            new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private SpcChart() {}

    /**
     * @param xLabels one label per point, or null for 1..n
     * @param target drawn as a red dashed line when not null
     */
    public static String svg(
            SpcResult result,
            List<String> xLabels,
            String title,
            String unitOfMeasure,
            Double target,
            int width,
            int height) {
        JFreeChart chart = chart(result, xLabels, title, unitOfMeasure, target);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement();
    }

    /** The chart itself, for rendering to other formats. */
    static JFreeChart chart(SpcResult result, List<String> xLabels, String title, String unitOfMeasure, Double target) {
        List<SpcPoint> points = result.points();
        int n = points.size();
        List<String> labels = xLabels != null
                ? xLabels
                : IntStream.rangeClosed(1, n).mapToObj(Integer::toString).toList();
        if (labels.size() != n) {
            throw new IllegalArgumentException("expected " + n + " x labels, got " + labels.size());
        }

        XYPlot plot = new XYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(0xe6e6e6));
        plot.setDomainAxis(domainAxis(labels));
        NumberAxis rangeAxis = new NumberAxis(unitOfMeasure);
        rangeAxis.setAutoRangeIncludesZero(false);
        styleAxis(rangeAxis);
        plot.setRangeAxis(rangeAxis);

        // Dataset 0, drawn on top: the data line with points coloured by point type.
        XYSeries data = new XYSeries("data", false, true);
        points.forEach(p -> data.add(p.index(), p.value()));
        plot.setDataset(0, new XYSeriesCollection(data));
        plot.setRenderer(0, new PointRenderer(points));

        // Dataset 1: mean, limits and target as step lines, one step per segment.
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        addLine(lines, lineRenderer, steps("mean", points, SpcPoint::mean), MEAN, SOLID);
        addLine(lines, lineRenderer, steps("upper", points, SpcPoint::upperLimit), LIMIT, DASHED);
        addLine(lines, lineRenderer, steps("lower", points, SpcPoint::lowerLimit), LIMIT, DASHED);
        if (target != null && n > 0) {
            XYSeries targetLine = new XYSeries("target", false, true);
            targetLine.add(-0.5, target);
            targetLine.add(n - 0.5, target);
            addLine(lines, lineRenderer, targetLine, TARGET, DASHED);
        }
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);

        JFreeChart chart = new JFreeChart(plot);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.removeLegend();
        chart.setTitle(new TextTitle(title == null ? "" : title, new Font(Font.SANS_SERIF, Font.BOLD, 14)));
        if (result.provisionalLimits()) {
            TextTitle warning = new TextTitle(SpcResult.PROVISIONAL_LIMITS, FONT);
            warning.setPaint(MEAN);
            chart.addSubtitle(warning);
        }
        return chart;
    }

    /** Numeric x axis over point indexes whose ticks show the labels, thinned out automatically when crowded. */
    private static NumberAxis domainAxis(List<String> labels) {
        NumberFormat format = new LabelFormat(labels);
        TickUnits units = new TickUnits();
        for (int step : new int[] {1, 2, 3, 4, 6, 12, 24, 52, 104, 260, 520, 1040, 2600, 5200}) {
            units.add(new NumberTickUnit(step, format));
        }
        NumberAxis axis = new NumberAxis();
        axis.setStandardTickUnits(units);
        axis.setAutoRange(false);
        axis.setRange(-0.5, Math.max(labels.size(), 1) - 0.5);
        styleAxis(axis);
        return axis;
    }

    private static void styleAxis(NumberAxis axis) {
        axis.setTickLabelFont(FONT);
        axis.setLabelFont(FONT);
        axis.setAxisLinePaint(LIMIT);
        axis.setTickMarkPaint(LIMIT);
    }

    private static XYSeries steps(String key, List<SpcPoint> points, ToDoubleFunction<SpcPoint> y) {
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < points.size(); i++) {
            boolean segmentStart = i == 0 || isNewSegment(points.get(i - 1), points.get(i));
            boolean segmentEnd = i == points.size() - 1 || isNewSegment(points.get(i), points.get(i + 1));
            double value = y.applyAsDouble(points.get(i));
            if (segmentStart) {
                series.add(i - 0.5, value);
            }
            if (segmentEnd) {
                series.add(i + 0.5, value);
                series.add(i + 0.5, Double.NaN); // no connector to the next segment's level
            }
        }
        return series;
    }

    private static boolean isNewSegment(SpcPoint previous, SpcPoint point) {
        return previous.mean() != point.mean()
                || previous.upperLimit() != point.upperLimit()
                || previous.lowerLimit() != point.lowerLimit();
    }

    private static void addLine(
            XYSeriesCollection lines, XYLineAndShapeRenderer renderer, XYSeries series, Paint paint, Stroke stroke) {
        int index = lines.getSeriesCount();
        lines.addSeries(series);
        renderer.setSeriesPaint(index, paint);
        renderer.setSeriesStroke(index, stroke);
    }

    static Color colour(PointType type) {
        return switch (type) {
            case COMMON_CAUSE -> COMMON;
            case SPECIAL_CAUSE_IMPROVEMENT -> IMPROVEMENT;
            case SPECIAL_CAUSE_CONCERN -> CONCERN;
            case SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW -> NEUTRAL;
        };
    }

    /** A grey line whose point markers are filled with the colour of each point's type. */
    private static final class PointRenderer extends XYLineAndShapeRenderer {
        private final transient List<SpcPoint> points;

        PointRenderer(List<SpcPoint> points) {
            super(true, true);
            this.points = points;
            setSeriesPaint(0, DATA_LINE);
            setSeriesStroke(0, SOLID);
            setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            setUseFillPaint(true);
            setDrawOutlines(false);
        }

        @Override
        public Paint getItemFillPaint(int series, int item) {
            return colour(points.get(item).pointType());
        }
    }

    /** Formats an index tick as its x label. */
    private static final class LabelFormat extends NumberFormat {
        private final transient List<String> labels;

        LabelFormat(List<String> labels) {
            this.labels = labels;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            // Ticks fall on indexes; the axis also formats its bounds (±0.5) to estimate label widths.
            long index = Math.max(0, Math.min(labels.size() - 1, Math.round(number)));
            return format(index, toAppendTo, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return number >= 0 && number < labels.size() ? toAppendTo.append(labels.get((int) number)) : toAppendTo;
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException();
        }
    }
}
