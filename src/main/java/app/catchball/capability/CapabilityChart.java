package app.catchball.capability;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/** The capability mix of a unit as a server-rendered SVG bar chart. */
public final class CapabilityChart {

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private CapabilityChart() {
    }

    public static String svg(List<CapabilityOverview.MixRow> mix, String title, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        mix.forEach(row -> data.addValue(row.people(), "People", row.level()));
        CategoryAxis levels = new CategoryAxis();
        levels.setTickLabelFont(FONT);
        levels.setMaximumCategoryLabelWidthRatio(1.5f);
        NumberAxis people = new NumberAxis("People");
        people.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        people.setTickLabelFont(FONT);
        people.setLabelFont(FONT);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x005eb8));
        bars.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, levels, people, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xe6e6e6));
        JFreeChart chart = new JFreeChart(plot);
        chart.removeLegend();
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 13)));
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement();
    }

    /** The chart as a {@code data:} URL for an {@code Image}. */
    public static String dataUrl(List<CapabilityOverview.MixRow> mix, String title, int width, int height) {
        return "data:image/svg+xml;base64," + Base64.getEncoder()
                .encodeToString(svg(mix, title, width, height).getBytes(StandardCharsets.UTF_8));
    }
}
