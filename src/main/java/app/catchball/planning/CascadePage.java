package app.catchball.planning;

import static app.catchball.base.pdf.HtmlPdf.escape;

import app.catchball.base.pdf.HtmlPdf;
import app.catchball.base.pdf.TextWidths;
import app.catchball.planning.CascadePdf.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cascade as XHTML for {@link HtmlPdf}: A3 landscape pages of one-line rows (item indented by its
 * depth, its unit beside it), paged here rather than by the layout so that each page can start with
 * the path from True North to its first row ("True North T1 … › B1 … › P1 …").
 */
final class CascadePage {

    private static final double PAGE_W = 1520;
    private static final double ITEM_W = PAGE_W * 0.68;
    private static final double UNIT_W = PAGE_W - ITEM_W - 16;
    private static final double FONT = 11;
    private static final double INDENT = 18;
    private static final int ROWS_PER_PAGE = 52;
    private static final String SEPARATOR = " › ";

    private CascadePage() {
    }

    /** {@code cappedAt} is the row limit when the tree was cut short, else 0. */
    static String xhtml(CycleSummary cycle, List<Node> rows, int cappedAt, String stamp) {
        List<List<Node>> pages = new ArrayList<>();
        int last = cappedAt > 0 ? ROWS_PER_PAGE - 3 : ROWS_PER_PAGE;
        for (int i = 0; i < rows.size() || pages.isEmpty(); i += ROWS_PER_PAGE) {
            pages.add(rows.subList(Math.min(i, rows.size()), Math.min(i + ROWS_PER_PAGE, rows.size())));
        }
        if (pages.getLast().size() > last) {
            List<Node> end = pages.removeLast();
            pages.add(end.subList(0, last));
            pages.add(end.subList(last, end.size()));
        }
        String top = rows.isEmpty() ? "" : rows.getFirst().item.unitName();
        StringBuilder html = new StringBuilder("""
                <html><head><style>
                @page { size: A3 landscape; margin: 8mm; }
                body { font-family: '%1$s'; margin: 0; color: #1a2533; font-size: %2$.0fpx; }
                .page { page-break-after: always; }
                .page.last { page-break-after: auto; }
                .head { width: 100%%; border-collapse: collapse; }
                .head td { padding: 0; vertical-align: top; }
                .title { font-size: 20px; font-weight: bold; }
                .stamp { font-size: 10px; color: #5a6775; text-align: right; }
                .path { font-size: 11px; color: #5a6775; height: 18px; margin: 4px 0 6px 0; white-space: nowrap; }
                .rows { width: 100%%; border-collapse: collapse; table-layout: fixed; }
                .rows th { text-align: left; font-size: 10px; color: #5a6775; border-bottom: 1px solid #8d9aab; height: 16px; }
                .rows td { height: 17px; padding: 0 8px 0 0; white-space: nowrap; border-bottom: 0.5px solid #e1e6ec; }
                .code { font-weight: bold; color: #005eb8; }
                .tn { font-weight: bold; }
                .more { color: #b36b00; font-style: italic; }
                .note { margin-top: 10px; font-size: 11px; color: #b36b00; }
                </style></head><body>
                """.formatted(HtmlPdf.FONT, FONT));
        for (int p = 0; p < pages.size(); p++) {
            List<Node> page = pages.get(p);
            boolean isLast = p == pages.size() - 1;
            html.append("<div class=\"page").append(isLast ? " last" : "").append("\">")
                    .append("<table class=\"head\"><tr><td class=\"title\">Cascade · ").append(escape(top))
                    .append(" · ").append(escape(cycle.name())).append("</td><td class=\"stamp\">")
                    .append(escape(stamp)).append("<br/>Page ").append(p + 1).append(" of ").append(pages.size())
                    .append("</td></tr></table>")
                    .append("<div class=\"path\">").append(escape(path(page))).append("</div>")
                    .append(f("<table class=\"rows\"><colgroup><col style=\"width: %.0fpx\"/><col style=\"width: %.0fpx\"/></colgroup>",
                            ITEM_W, UNIT_W))
                    .append("<tr><th>True North → breakthrough → annual → priority → … → ward</th><th>Unit</th></tr>");
            for (Node node : page) {
                html.append(row(node, cappedAt > 0));
            }
            html.append("</table>");
            if (rows.isEmpty()) {
                html.append("<p>There is no True North for this cycle yet, so nothing is cascaded.</p>");
            }
            if (isLast && cappedAt > 0) {
                html.append("<div class=\"note\">").append(escape(String.format(Locale.UK,
                        "The cascade is larger than one document should be: this one stops at %,d rows, opened level by "
                        + "level from True North. Branches marked “more beneath, not printed” go further; open them in "
                        + "Catchball’s Cascade view.", cappedAt))).append("</div>");
            }
            html.append("</div>");
        }
        return html.append("</body></html>").toString();
    }

    private static String row(Node node, boolean capped) {
        double indent = node.depth * INDENT;
        boolean more = capped && node.leftOut();
        double room = ITEM_W - 8 - indent - (more ? TextWidths.width(" · more beneath, not printed", FONT, false) : 0);
        PlanNode item = node.item;
        String prefix = item.kind() == ItemKind.TRUE_NORTH ? "True North " : "";
        String code = prefix + item.code() + " ";
        String title = TextWidths.clip(item.title(), FONT, false, room - TextWidths.width(code, FONT, true));
        return f("<tr><td><div style=\"padding-left: %.0fpx\">", indent)
                + "<span class=\"code" + (prefix.isEmpty() ? "" : " tn") + "\">" + escape(code) + "</span>" + escape(title)
                + (more ? "<span class=\"more\"> · more beneath, not printed</span>" : "")
                + "</div></td><td>" + escape(TextWidths.clip(item.unitName(), FONT, false, UNIT_W - 8)) + "</td></tr>";
    }

    /** The path from True North to the page's first row, its own label excluded; empty at the top. */
    private static String path(List<Node> page) {
        if (page.isEmpty() || page.getFirst().parent == null) {
            return "From True North down to the wards";
        }
        List<String> labels = new ArrayList<>();
        for (Node n = page.getFirst().parent; n != null; n = n.parent) {
            labels.addFirst(n.item.label());
        }
        return TextWidths.clip("Continued: " + String.join(SEPARATOR, labels) + SEPARATOR + "…", 11, false, PAGE_W);
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
