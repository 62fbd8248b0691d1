package app.catchball.review;

import static app.catchball.base.pdf.HtmlPdf.escape;

import app.catchball.base.Formats;
import app.catchball.base.pdf.HtmlPdf;
import app.catchball.review.ReviewContent.Cell;
import app.catchball.review.ReviewContent.DecisionLine;
import app.catchball.review.ReviewContent.MetricLine;
import app.catchball.review.ReviewContent.PriorityLine;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The board pack of a review: an A4 landscape PDF written on the server from the review's content
 * (a published review's snapshot): cover, contents, SPC summary, one page per exception with its
 * SPC chart (the same SVG the metric page shows, kept as vector graphics), commentary and
 * countermeasure, the decisions log and the priorities' A3 status.
 */
@Component
class ReviewPdf {

    private static final String STYLE = """
            @page { size: A4 landscape; margin: 14mm 14mm 16mm 14mm;
                    @bottom-left { content: "%1$s"; font-family: '%2$s'; font-size: 8pt; color: #555; }
                    @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: '%2$s'; font-size: 8pt; color: #555; } }
            body { font-family: '%2$s'; font-size: 10pt; color: #212b32; }
            h1 { font-size: 26pt; color: #005eb8; margin: 40mm 0 4mm 0; }
            h2 { font-size: 16pt; color: #005eb8; margin: 0 0 4mm 0; }
            .section { page-break-before: always; }
            .cover-sub { font-size: 14pt; margin: 2mm 0; }
            .muted { color: #555; }
            table { width: 100%%; border-collapse: collapse; }
            th, td { border-bottom: 0.5pt solid #aeb7bd; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
            th { background: #e8edee; }
            .GREEN { background: #c6efce; } .AMBER { background: #ffeb9c; } .RED { background: #ffc7ce; } .GREY { background: #f0f4f5; }
            .toc a { color: #212b32; text-decoration: none; }
            .toc li { margin: 2mm 0; }
            .toc a::after { content: leader('.') target-counter(attr(href), page); }
            .chart svg { width: 250mm; height: 100mm; }
            .mdc svg { width: 8mm; height: 8mm; vertical-align: middle; }
            """;

    private final HtmlPdf pdf;

    ReviewPdf(HtmlPdf pdf) {
        this.pdf = pdf;
    }

    byte[] render(ReviewPage page) {
        ReviewContent c = page.content();
        String month = Formats.MONTH.format(c.month());
        String footer = c.unitName() + " · review of " + month;
        StringBuilder html = new StringBuilder("<html><head><title>").append(escape(footer)).append("</title><style>")
                .append(STYLE.formatted(escape(css(footer)), HtmlPdf.FONT)).append("</style></head><body>");
        cover(html, page, month);
        List<MetricLine> exceptions = c.exceptions();
        html.append("<div class='section'><h2>Contents</h2><ol class='toc'>");
        toc(html, "spc", "SPC summary");
        for (int i = 0; i < exceptions.size(); i++) {
            toc(html, "exception-" + i, "Exception: " + exceptions.get(i).label());
        }
        toc(html, "decisions", "Decisions and actions");
        toc(html, "priorities", "Priorities: A3 status");
        html.append("</ol></div>");
        spcSummary(html, c);
        for (int i = 0; i < exceptions.size(); i++) {
            exception(html, "exception-" + i, exceptions.get(i), c);
        }
        decisions(html, c.decisions());
        priorities(html, c);
        return pdf.render(html.append("</body></html>").toString());
    }

    private static void cover(StringBuilder html, ReviewPage page, String month) {
        ReviewContent c = page.content();
        html.append("<h1>").append(escape(c.trustName())).append("</h1>")
                .append("<p class='cover-sub'><b>").append(escape(c.unitName())).append("</b></p>")
                .append("<p class='cover-sub'>Monthly review · ").append(month).append("</p>")
                .append("<p class='muted'>").append(escape(c.unitPath())).append("</p><p>")
                .append(page.state() == ReviewState.PUBLISHED
                        ? "Published " + Formats.DAY_AT_TIME.format(page.publishedAt().atZone(ZoneId.systemDefault()))
                        + " by " + escape(page.publishedBy())
                        : "Draft: not yet published. Values may still change.")
                .append("</p>");
        if (c.summary() != null) {
            html.append("<h2>Summary</h2><p>").append(escape(c.summary())).append("</p>");
        }
    }

    private static void toc(StringBuilder html, String id, String title) {
        html.append("<li><a href='#").append(id).append("'>").append(escape(title)).append("</a></li>");
    }

    private static void spcSummary(StringBuilder html, ReviewContent c) {
        html.append("<div class='section' id='spc'><h2>SPC summary</h2>");
        if (c.metrics().isEmpty()) {
            html.append("<p>No metrics.</p></div>");
            return;
        }
        html.append("<table><tr><th>Metric</th><th>Target</th><th>").append(Formats.MONTH.format(c.month()))
                .append("</th><th>Variation</th><th>Assurance</th><th>Exception</th></tr>");
        for (MetricLine m : c.metrics()) {
            Cell cell = m.cell(c.month());
            html.append("<tr><td>").append(escape(m.label())).append("</td><td>").append(number(m.target()))
                    .append(m.unitOfMeasure() == null || m.target() == null ? "" : " " + escape(m.unitOfMeasure()))
                    .append("</td><td class='").append(cell == null ? "GREY" : cell.colour()).append("'>")
                    .append(cell == null ? "" : (number(cell.actual()) + " " + ReviewContent.letter(cell.colour())).strip())
                    .append("</td><td>").append(icon(m.variationIcon()))
                    .append(text(m.variation())).append("</td><td>").append(icon(m.assuranceIcon()))
                    .append(text(m.assurance())).append("</td><td>")
                    .append(escape(String.join("; ", m.exceptionReasons()))).append("</td></tr>");
        }
        html.append("</table></div>");
    }

    /** A Making Data Count icon (SVG drawn by the server, with its own text alternative) before its words. */
    private static String icon(String svg) {
        return svg == null ? "" : "<span class='mdc'>" + svg + "</span> ";
    }

    private static void exception(StringBuilder html, String id, MetricLine m, ReviewContent c) {
        html.append("<div class='section' id='").append(id).append("'><h2>").append(escape(m.label())).append("</h2>")
                .append("<p><b>Why it is an exception:</b> ").append(escape(String.join("; ", m.exceptionReasons())))
                .append("</p>");
        if (m.chart() != null) {
            html.append("<div class='chart'>").append(m.chart()).append("</div>");
        }
        html.append("<p><b>Commentary:</b> ").append(m.commentary() == null ? "None." : escape(m.commentary()).replace("\n", "<br/>")).append("</p>")
                .append("<p><b>Countermeasure:</b> ").append(m.countermeasure() == null ? "None yet." : escape(m.countermeasure()))
                .append("</p></div>");
    }

    private static void decisions(StringBuilder html, List<DecisionLine> decisions) {
        html.append("<div class='section' id='decisions'><h2>Decisions and actions</h2>");
        if (decisions.isEmpty()) {
            html.append("<p>No open decisions or actions.</p></div>");
            return;
        }
        html.append("<table><tr><th>Decision or action</th><th>Owner</th><th>Due</th><th>Status</th><th>About</th>"
                + "<th>Raised</th></tr>");
        for (DecisionLine d : decisions) {
            html.append("<tr><td>").append(escape(d.text())).append("</td><td>").append(escape(d.owner())).append("</td><td>")
                    .append(Formats.DAY.format(d.due())).append(d.overdue() ? " (overdue)" : "").append("</td><td>")
                    .append(escape(d.status())).append("</td><td>").append(text(d.link())).append("</td><td>")
                    .append(Formats.MONTH.format(d.raised())).append("</td></tr>");
        }
        html.append("</table></div>");
    }

    private static void priorities(StringBuilder html, ReviewContent c) {
        html.append("<div class='section' id='priorities'><h2>Priorities: A3 status</h2>");
        if (c.priorityRollUp() != null) {
            html.append("<p><b>").append(escape(c.priorityRollUp())).append("</b></p>");
        }
        html.append("<table><tr><th>Priority</th><th>Status</th><th>% complete</th></tr>");
        for (PriorityLine p : c.priorities()) {
            html.append("<tr><td>").append(escape(p.code() + " " + p.title())).append("</td><td>")
                    .append(p.status() == null ? "No A3 yet" : escape(p.status())).append("</td><td>")
                    .append(p.percentComplete() == null ? "—" : p.percentComplete() + " %").append("</td></tr>");
        }
        html.append("</table></div>");
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "—" : escape(value);
    }

    private static String css(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
