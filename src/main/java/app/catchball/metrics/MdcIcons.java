package app.catchball.metrics;

import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import app.catchball.planning.Direction;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NHS England's "Making Data Count" variation and assurance icons, drawn as small SVGs on the server
 * so the screens and the PDFs show the same picture. Their meanings and colours follow the icon set
 * (colours as NHSRplotthedots draws them): orange for concern, blue for improvement, grey for common
 * cause (purple for special cause where neither way is better); "H" or "L" for a special cause high
 * or low; "P", "F" or "?" for assurance (consistently passes, consistently fails, hit and miss). Every
 * icon carries its text alternative ({@code <title>}), and the same words are on the element that
 * holds it.
 */
public final class MdcIcons {

    public static final String CONCERN = "#fab428";
    public static final String IMPROVEMENT = "#289de0";
    public static final String NEUTRAL = "#361475";
    public static final String COMMON = "#7b7d7d";

    private static final int[] DOT_X = {10, 13, 17, 20, 23, 27, 30};
    private static final int[] COMMON_Y = {16, 13, 18, 14, 19, 15, 16};
    private static final int[] HIGH_Y = {20, 19, 20, 18, 13, 11, 10};
    private static final int[] LOW_Y = {12, 13, 12, 14, 19, 21, 22};

    /** The few icons there are, drawn once each. */
    private static final Map<String, String> DRAWN = new ConcurrentHashMap<>();

    private MdcIcons() {
    }

    /** "Special cause: concern", "Common cause variation" or "No data yet". */
    public static String variationText(PointType variation) {
        if (variation == null) {
            return "No data yet";
        }
        return switch (variation) {
            case SPECIAL_CAUSE_IMPROVEMENT -> "Special cause: improvement";
            case SPECIAL_CAUSE_CONCERN -> "Special cause: concern";
            case SPECIAL_CAUSE_NEUTRAL_HIGH -> "Special cause: neutral, high";
            case SPECIAL_CAUSE_NEUTRAL_LOW -> "Special cause: neutral, low";
            case COMMON_CAUSE -> "Common cause variation";
        };
    }

    /** "consistently passes the target", "consistently fails the target", "hit and miss" or "no target". */
    public static String assuranceText(Assurance assurance) {
        return assurance == null ? "no target" : switch (assurance) {
            case CONSISTENT_PASS -> "consistently passes the target";
            case CONSISTENT_FAIL -> "consistently fails the target";
            case INCONSISTENT -> "hit and miss";
        };
    }

    /**
     * 'H' when the special cause is high, 'L' when low, or null (common cause, no data): improvement is
     * high for a metric where up is better, concern is low for it, and the other way round.
     */
    public static Character highOrLow(PointType variation, Direction direction) {
        if (variation == null) {
            return null;
        }
        return switch (variation) {
            case SPECIAL_CAUSE_NEUTRAL_HIGH -> 'H';
            case SPECIAL_CAUSE_NEUTRAL_LOW -> 'L';
            case SPECIAL_CAUSE_IMPROVEMENT -> direction == Direction.DOWN ? 'L' : 'H';
            case SPECIAL_CAUSE_CONCERN -> direction == Direction.DOWN ? 'H' : 'L';
            case COMMON_CAUSE -> null;
        };
    }

    /** The variation icon's text alternative: "Variation: Special cause: concern, high". */
    public static String variationLabel(PointType variation, Direction direction) {
        Character hl = highOrLow(variation, direction);
        boolean neutral = variation == PointType.SPECIAL_CAUSE_NEUTRAL_HIGH || variation == PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
        return "Variation: " + variationText(variation) + (hl == null || neutral ? "" : hl == 'H' ? ", high" : ", low");
    }

    /** The assurance icon's text alternative: "Assurance: consistently fails the target". */
    public static String assuranceLabel(Assurance assurance) {
        return "Assurance: " + assuranceText(assurance);
    }

    /** The variation icon: a ring, seven points of a run chart and, for a special cause, H or L. */
    public static String variationSvg(PointType variation, Direction direction) {
        return DRAWN.computeIfAbsent("V" + variation + highOrLow(variation, direction), k -> drawVariation(variation, direction));
    }

    private static String drawVariation(PointType variation, Direction direction) {
        String colour = variationColour(variation);
        Character hl = highOrLow(variation, direction);
        StringBuilder svg = open(variationLabel(variation, direction), colour);
        if (variation == null) {
            svg.append(letter("–", COMMON, 21, 16));
            return svg.append("</svg>").toString();
        }
        for (int i = 0; i < DOT_X.length; i++) {
            int y = hl == null ? COMMON_Y[i] : hl == 'H' ? HIGH_Y[i] : LOW_Y[i];
            String fill = hl != null && i >= 4 ? colour : COMMON;
            svg.append(String.format(Locale.ROOT, "<circle cx='%d' cy='%d' r='2' fill='%s'/>", DOT_X[i], y, fill));
        }
        if (hl != null) {
            svg.append(letter(String.valueOf(hl), colour, 34, 10));
        }
        return svg.append("</svg>").toString();
    }

    /** The assurance icon: a ring, a target line and P, F or ? (a grey dash without a target). */
    public static String assuranceSvg(Assurance assurance) {
        return DRAWN.computeIfAbsent("A" + assurance, k -> drawAssurance(assurance));
    }

    private static String drawAssurance(Assurance assurance) {
        String colour = assuranceColour(assurance);
        StringBuilder svg = open(assuranceLabel(assurance), colour);
        String mark = assurance == null ? "–" : switch (assurance) {
            case CONSISTENT_PASS -> "P";
            case CONSISTENT_FAIL -> "F";
            case INCONSISTENT -> "?";
        };
        svg.append("<line x1='8' y1='28' x2='32' y2='28' stroke='").append(colour).append("' stroke-width='1.5' stroke-dasharray='3 2'/>")
                .append(letter(mark, colour, 23, 16));
        return svg.append("</svg>").toString();
    }

    public static String variationColour(PointType variation) {
        if (variation == null) {
            return COMMON;
        }
        return switch (variation) {
            case SPECIAL_CAUSE_IMPROVEMENT -> IMPROVEMENT;
            case SPECIAL_CAUSE_CONCERN -> CONCERN;
            case SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW -> NEUTRAL;
            case COMMON_CAUSE -> COMMON;
        };
    }

    public static String assuranceColour(Assurance assurance) {
        if (assurance == null) {
            return COMMON;
        }
        return switch (assurance) {
            case CONSISTENT_PASS -> IMPROVEMENT;
            case CONSISTENT_FAIL -> CONCERN;
            case INCONSISTENT -> COMMON;
        };
    }

    private static StringBuilder open(String title, String colour) {
        return new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 40' width='32' height='32' role='img'>")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<circle cx='20' cy='20' r='18' fill='#ffffff' stroke='").append(colour).append("' stroke-width='2.5'/>");
    }

    private static String letter(String text, String colour, int y, int size) {
        return String.format(Locale.ROOT, "<text x='20' y='%d' text-anchor='middle' font-family='Arial, Helvetica, sans-serif' "
                + "font-weight='bold' font-size='%d' fill='%s'>%s</text>", y, size, colour, escape(text));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
