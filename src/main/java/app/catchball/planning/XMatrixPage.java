package app.catchball.planning;

import static app.catchball.base.pdf.HtmlPdf.escape;

import app.catchball.base.pdf.HtmlPdf;
import app.catchball.base.pdf.TextWidths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One X-matrix as one A3 landscape page of XHTML for {@link HtmlPdf}, laid out like the
 * {@code <x-matrix>} element draws it (frontend/components/x-matrix.js: the same geometry, sides,
 * corner grids and owners). The lines, cells and the symbols ● ○ △ are one vector SVG; the codes,
 * titles and headings are HTML text placed over it (rotated where the element rotates them), because
 * text inside SVG reaches the PDF as outlines that cannot be selected or searched. The whole matrix is
 * scaled to the room left by the heading, the legend and the warnings at the foot.
 */
final class XMatrixPage {

    /** Geometry of x-matrix.js, in its units: cell size, gap before the owners, label font size. */
    private static final double C = 22;
    private static final double GAP = 28;
    private static final double PAD = 4;
    private static final double TOP = 16;
    private static final double FONT = 11;

    /** The page's content box in CSS px (A3 landscape less 8 mm margins), with some room to spare. */
    private static final double PAGE_W = 1520;
    private static final double PAGE_H = 1040;
    private static final double HEADER_H = 62;
    private static final double LEGEND_H = 24;
    private static final double WARNING_LINE = 15;
    private static final int WARNING_COLUMNS = 3;
    private static final int WARNING_ROWS = 10;
    private static final double MAX_SCALE = 2.2;

    private static final String BLUE = "#005eb8";
    private static final String LINE = "#c4ccd6";
    private static final String LINE_STRONG = "#8d9aab";
    private static final String MUTED = "#5a6775";
    private static final String ZEBRA = "#f2f4f7";
    private static final String INHERITED = "#e8ecf1";
    private static final String WARNING = "#b36b00";

    private static final Map<Side, String> EMPTY = Map.of(Side.NORTH, "improvement priority", Side.WEST, "annual objective",
            Side.EAST, "metric / target", Side.SOUTH, "breakthrough objective", Side.OWNERS, "owner / resource");

    private final XMatrix m;
    private final Map<String, Strength> cells = new HashMap<>();
    private final StringBuilder svg = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private double s;

    private XMatrixPage(XMatrix m) {
        this.m = m;
        m.correlations().forEach(c -> cells.put(c.corner() + "|" + c.a() + "|" + c.b(), c.strength()));
    }

    /** The page; {@code stamp} says who printed it and when. */
    static String xhtml(XMatrix matrix, String stamp) {
        return new XMatrixPage(matrix).page(stamp);
    }

    private String page(String stamp) {
        List<ItemView> north = m.side(Side.NORTH);
        List<ItemView> south = m.side(Side.SOUTH);
        List<ItemView> west = m.side(Side.WEST);
        List<ItemView> east = m.side(Side.EAST);
        List<ItemView> owners = m.side(Side.OWNERS);
        int ln = Math.max(1, north.size());
        int ls = Math.max(1, south.size());
        int lw = Math.max(1, west.size());
        int le = Math.max(1, east.size());
        int lo = Math.max(1, owners.size());
        double sq = Math.max(352, Math.round(Math.max(Math.max(ln, ls), Math.max(lw, le)) * C * 0.8));
        double x0 = PAD;
        double xc = x0 + lw * C;
        double xe = xc + sq;
        double xo = xe + le * C + GAP;
        double y0 = TOP;
        double yc = y0 + ln * C;
        double ys = yc + sq;
        double width = xo + lo * C + PAD;
        double height = ys + ls * C + PAD;

        List<String> warnings = warningLines();
        int rows = Math.min(WARNING_ROWS, Math.max(1, (warnings.size() + WARNING_COLUMNS - 1) / WARNING_COLUMNS));
        double room = PAGE_H - HEADER_H - LEGEND_H - 22 - rows * WARNING_LINE;
        s = Math.floor(Math.min(MAX_SCALE, Math.min(PAGE_W / width, room / height)) * width) / width;
        long pxWidth = Math.round(width * s);
        long pxHeight = Math.round(height * s);

        centre(xc, yc, sq);
        for (int i = 0; i < north.size(); i++) {
            label(north.get(i), xc, yc - (i + 1) * C, sq, false);
        }
        for (int i = 0; i < south.size(); i++) {
            label(south.get(i), xc, ys + i * C, sq, false);
        }
        for (int i = 0; i < west.size(); i++) {
            label(west.get(i), xc - (i + 1) * C, yc, sq, true);
        }
        for (int i = 0; i < east.size(); i++) {
            label(east.get(i), xe + i * C, yc, sq, true);
        }
        for (int i = 0; i < owners.size(); i++) {
            label(owners.get(i), xo + i * C, yc, sq, true);
        }
        empty(north, Side.NORTH, xc, yc - C, sq, false);
        empty(south, Side.SOUTH, xc, ys, sq, false);
        empty(west, Side.WEST, xc - C, yc, sq, true);
        empty(east, Side.EAST, xe, yc, sq, true);
        empty(owners, Side.OWNERS, xo, yc, sq, true);
        place(xo + 30, y0 / 2, 60, TOP, 0, "l hd", "OWNERS");

        // Corner grids, a and b as x-matrix.js: NW a = west, b = north; NE a = north, b = east;
        // OWNERS a = north, b = owner; SW a = south, b = west; SE a = east, b = south.
        for (int r = 0; r < north.size(); r++) {
            double y = yc - (r + 1) * C;
            long n = north.get(r).id();
            for (int c = 0; c < west.size(); c++) {
                cell(Corner.NW, west.get(c).id(), n, xc - (c + 1) * C, y, r + c);
            }
            for (int c = 0; c < east.size(); c++) {
                cell(Corner.NE, n, east.get(c).id(), xe + c * C, y, r + c);
            }
            for (int c = 0; c < owners.size(); c++) {
                cell(Corner.OWNERS, n, owners.get(c).id(), xo + c * C, y, r + c);
            }
        }
        for (int r = 0; r < south.size(); r++) {
            double y = ys + r * C;
            long so = south.get(r).id();
            for (int c = 0; c < west.size(); c++) {
                cell(Corner.SW, so, west.get(c).id(), xc - (c + 1) * C, y, r + c);
            }
            for (int c = 0; c < east.size(); c++) {
                cell(Corner.SE, east.get(c).id(), so, xe + c * C, y, r + c);
            }
        }
        svg.append(rect(x0, y0, xe + le * C - x0, height - PAD - y0, "none", LINE_STRONG, 1));
        svg.append(rect(xo, y0, lo * C, ys - y0, "none", LINE_STRONG, 1));

        return """
                <html><head><style>
                @page { size: A3 landscape; margin: 8mm; }
                body { font-family: '%1$s'; margin: 0; color: #1a2533; font-size: 11px; }
                .head { width: 100%%; height: %2$.0fpx; border-collapse: collapse; }
                .head td { padding: 0; vertical-align: top; }
                .title { font-size: 20px; font-weight: bold; }
                .sub { font-size: 13px; color: %3$s; }
                .stamp { font-size: 10px; color: %3$s; text-align: right; }
                .m { position: relative; margin: 0 auto; }
                .m svg { display: block; }
                .l { position: absolute; z-index: 1; white-space: nowrap; }
                .code { font-weight: bold; color: %4$s; }
                .detail { color: %3$s; }
                .inh { font-style: italic; }
                .empty { font-style: italic; color: %3$s; }
                .tri { font-weight: bold; color: %3$s; text-align: center; }
                .hd { font-weight: bold; color: %3$s; text-align: center; }
                .legend { height: %5$.0fpx; margin-top: 6px; font-size: 11px; color: %3$s; border-collapse: collapse; }
                .legend td { padding: 0; vertical-align: middle; white-space: nowrap; }
                .legend td.k { width: 18px; }
                .legend td.w { padding-right: 22px; }
                .warnings { font-size: 11px; }
                .warnings h2 { font-size: 12px; margin: 0 0 3px 0; }
                .warnings table { width: 100%%; border-collapse: collapse; table-layout: fixed; }
                .warnings td { padding: 0 8px 0 0; height: %6$.0fpx; white-space: nowrap; vertical-align: top; }
                </style></head><body>
                """.formatted(HtmlPdf.FONT, HEADER_H, MUTED, BLUE, LEGEND_H, WARNING_LINE)
                + header(stamp)
                + f("<div class=\"m\" style=\"width: %dpx; height: %dpx\">", pxWidth, pxHeight)
                + f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %.2f %.2f\" "
                        + "preserveAspectRatio=\"none\">", pxWidth, pxHeight, width, height)
                + svg + "</svg>" + text + "</div>"
                + legend() + warnings(warnings) + "</body></html>";
    }

    private String header(String stamp) {
        String trueNorth = m.trueNorth().isEmpty() ? "" : "True North: " + String.join("; ",
                m.trueNorth().stream().map(g -> g.code() + " " + g.title()).toList());
        return "<table class=\"head\"><tr><td><div class=\"title\">" + escape(m.unit().name()) + "</div>"
                + "<div class=\"sub\">X-matrix · " + escape(m.cycle().name()) + " · " + escape(m.cycle().stage().label())
                + (trueNorth.isEmpty() ? "" : " · " + escape(TextWidths.clip(trueNorth, 13, false, PAGE_W * 0.6)))
                + "</div></td><td class=\"stamp\">" + escape(stamp) + "</td></tr></table>";
    }

    /** One item's label along its row (north, south) or column (west, east, owners), as the element writes it. */
    private void label(ItemView item, double x, double y, double length, boolean vertical) {
        List<String> w = m.warningsOf(item.id());
        double room = length - 12 - (w.isEmpty() ? 0 : 16);
        String code = item.code() + " ";
        double left = room - TextWidths.width(code, FONT, true);
        String title = TextWidths.clip(item.title(), FONT, false, left);
        left -= TextWidths.width(title, FONT, false);
        String detail = detail(item);
        String more = detail == null || left < 4 * FONT * 0.55 ? "" : TextWidths.clip(" · " + detail, FONT, false, left);
        String html = "<span class=\"code\">" + escape(code) + "</span>" + escape(title)
                + (more.isEmpty() ? "" : "<span class=\"detail\">" + escape(more) + "</span>");
        if (item.inherited()) {
            svg.append(rect(x, y, vertical ? C : length, vertical ? length : C, INHERITED, LINE, 0.8));
        } else {
            svg.append(rect(x, y, vertical ? C : length, vertical ? length : C, "#ffffff", LINE, 0.8));
        }
        String cls = "l" + (item.inherited() ? " inh" : "");
        if (vertical) {
            place(x + C / 2, y + length - 6 - room / 2, room, C, -90, cls, html);
            if (!w.isEmpty()) {
                warningMark(x + C / 2, y + 10);
            }
        } else {
            place(x + 6 + room / 2, y + C / 2, room, C, 0, cls, html);
            if (!w.isEmpty()) {
                warningMark(x + length - 10, y + C / 2);
            }
        }
    }

    private void empty(List<ItemView> items, Side side, double x, double y, double length, boolean vertical) {
        if (!items.isEmpty()) {
            return;
        }
        svg.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"0.8\" stroke-dasharray=\"3 3\"/>", x + 1, y + 1, (vertical ? C : length) - 2, (vertical ? length : C) - 2, LINE));
        String words = escape("No " + EMPTY.get(side) + " yet");
        if (vertical) {
            place(x + C / 2, y + length / 2, length - 12, C, -90, "l empty", words);
        } else {
            place(x + length / 2, y + C / 2, length - 12, C, 0, "l empty", words);
        }
    }

    /** The centre: four triangles split by the diagonals, each named. */
    private void centre(double xc, double yc, double sq) {
        double cx = xc + sq / 2;
        double cy = yc + sq / 2;
        double xe = xc + sq;
        double ys = yc + sq;
        svg.append(triangle(xc, yc, xe, yc, cx, cy, ZEBRA)).append(triangle(xe, yc, xe, ys, cx, cy, "#ffffff"))
                .append(triangle(xe, ys, xc, ys, cx, cy, ZEBRA)).append(triangle(xc, ys, xc, yc, cx, cy, "#ffffff"));
        double labelFont = 13;
        place(cx, yc + sq * 0.17, sq * 0.6, 18, 0, "l tri", "Improvement priorities", labelFont);
        place(xe - sq * 0.17, cy, sq * 0.6, 18, 90, "l tri", "Metrics / targets", labelFont);
        place(cx, ys - sq * 0.17, sq * 0.6, 18, 0, "l tri", "Breakthrough objectives", labelFont);
        place(xc + sq * 0.17, cy, sq * 0.6, 18, -90, "l tri", "Annual objectives", labelFont);
    }

    private void cell(Corner corner, long a, long b, double x, double y, int parity) {
        svg.append(rect(x, y, C, C, parity % 2 == 1 ? ZEBRA : "#ffffff", LINE, 0.6));
        Strength strength = cells.get(corner + "|" + a + "|" + b);
        if (strength != null) {
            svg.append(symbol(strength, x + C / 2, y + C / 2, C * 0.27));
        }
    }

    /** ● filled circle, ○ ring, △ triangle: drawn, so they print the same whatever the font holds. */
    static String symbol(Strength strength, double cx, double cy, double r) {
        return switch (strength) {
            case STRONG -> f("<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"/>", cx, cy, r, BLUE);
            case MEDIUM -> f("<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\"/>", cx, cy, r * 0.92, BLUE, r * 0.28);
            case WEAK -> f("<polygon points=\"%.2f,%.2f %.2f,%.2f %.2f,%.2f\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\" stroke-linejoin=\"round\"/>", cx, cy - r, cx - r * 1.05, cy + r * 0.8, cx + r * 1.05, cy + r * 0.8, BLUE, r * 0.26);
        };
    }

    private void warningMark(double cx, double cy) {
        svg.append(f("<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>", cx, cy - 6, cx - 6.5, cy + 5, cx + 6.5, cy + 5, WARNING))
                .append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"1.6\" height=\"4.5\" fill=\"#ffffff\"/>", cx - 0.8, cy - 2.5))
                .append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"1.6\" height=\"1.6\" fill=\"#ffffff\"/>", cx - 0.8, cy + 2.6));
    }

    private void place(double cx, double cy, double length, double thickness, int rotation, String cls, String html) {
        place(cx, cy, length, thickness, rotation, cls, html, FONT);
    }

    /**
     * HTML text in a box {@code length} long and {@code thickness} high, centred on (cx, cy) in the
     * matrix's units and turned by {@code rotation} degrees about its centre.
     */
    private void place(double cx, double cy, double length, double thickness, int rotation, String cls, String html,
                       double font) {
        double w = length * s;
        double h = thickness * s;
        String turn = rotation == 0 ? "" : f(" transform-origin: %.2fpx %.2fpx; transform: rotate(%ddeg);", w / 2, h / 2, rotation);
        text.append(String.format(Locale.ROOT,
                "<div class=\"%s\" style=\"left: %.2fpx; top: %.2fpx; width: %.2fpx; height: %.2fpx; line-height: %.2fpx; font-size: %.2fpx;%s\">%s</div>",
                cls, cx * s - w / 2, cy * s - h / 2, w, h, h, font * s, turn, html));
    }

    private String legend() {
        return "<table class=\"legend\"><tr>"
                + key(symbol(Strength.STRONG, 7, 7, 4.5), "strong / leads")
                + key(symbol(Strength.MEDIUM, 7, 7, 4.5), "important / contributes")
                + key(symbol(Strength.WEAK, 7, 7, 4.5), "weak")
                + key("<rect x=\"1\" y=\"1\" width=\"12\" height=\"12\" fill=\"" + INHERITED + "\" stroke=\"" + LINE + "\"/>",
                "inherited (cascaded from the unit above)")
                + key("<polygon points=\"7,1 0.5,12.5 13.5,12.5\" fill=\"" + WARNING + "\"/>", "has warnings (listed below)")
                + "<td></td></tr></table>";
    }

    private static String key(String drawing, String words) {
        return "<td class=\"k\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"14\" height=\"14\" viewBox=\"0 0 14 14\">"
                + drawing + "</svg></td><td class=\"w\">" + escape(words) + "</td>";
    }

    /** The matrix's warnings first, then each item's, side by side in the order of the page. */
    private List<String> warningLines() {
        List<String> lines = new ArrayList<>(m.matrixWarnings());
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            for (ItemView item : m.side(side)) {
                List<String> w = m.warningsOf(item.id());
                if (!w.isEmpty()) {
                    lines.add(item.code() + " " + item.title() + ": " + String.join(", ", w));
                }
            }
        }
        return lines;
    }

    private String warnings(List<String> lines) {
        StringBuilder html = new StringBuilder("<div class=\"warnings\"><h2>Warnings</h2>");
        if (lines.isEmpty()) {
            return html.append("<div>None: every item is linked, led and measured.</div></div>").toString();
        }
        int capacity = WARNING_COLUMNS * WARNING_ROWS;
        List<String> shown = new ArrayList<>(lines.size() > capacity ? lines.subList(0, capacity - 1) : lines);
        if (lines.size() > capacity) {
            shown.add("… and " + (lines.size() - shown.size()) + " more warnings: see the X-matrix in Catchball.");
        }
        int rows = (shown.size() + WARNING_COLUMNS - 1) / WARNING_COLUMNS;
        double columnWidth = PAGE_W / WARNING_COLUMNS - 12;
        html.append("<table>");
        for (int r = 0; r < rows; r++) {
            html.append("<tr>");
            for (int c = 0; c < WARNING_COLUMNS; c++) {
                int i = c * rows + r;
                html.append("<td>").append(i < shown.size() ? escape(TextWidths.clip(shown.get(i), 11, false, columnWidth)) : "")
                        .append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table></div>").toString();
    }

    private static String detail(ItemView item) {
        if (item.inherited()) {
            return item.sourceUnitName() == null ? "cascaded" : "from " + item.sourceUnitName();
        }
        if (item.targetText() != null) {
            return "target " + item.targetText();
        }
        return item.accountableName();
    }

    private static String rect(double x, double y, double w, double h, String fill, String stroke, double strokeWidth) {
        return f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
                x, y, w, h, fill, stroke, strokeWidth);
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String triangle(double x1, double y1, double x2, double y2, double x3, double y3, String fill) {
        return f("<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1\"/>",
                x1, y1, x2, y2, x3, y3, fill, LINE_STRONG);
    }
}
