package app.catchball.base.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * How wide a text is in the PDF font ({@link HtmlPdf#FONT}), to shorten it with "…" before it is
 * laid into a box of fixed size (X-matrix labels, cascade rows): measured on the same Liberation Sans
 * files that {@link HtmlPdf} embeds, so what fits here fits on paper.
 */
public final class TextWidths {

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final Font REGULAR = load("LiberationSans-Regular.ttf");
    private static final Font BOLD = load("LiberationSans-Bold.ttf");

    private TextWidths() {
    }

    /** The width of the text at this font size, in the same unit as the size. */
    public static double width(String text, double size, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Font font = (bold ? BOLD : REGULAR).deriveFont(100f);
        return font.getStringBounds(text, CONTEXT).getWidth() * size / 100.0;
    }

    /** The text, shortened with "…" at a word or character so that it is at most {@code max} wide. */
    public static String clip(String text, double size, boolean bold, double max) {
        if (text == null || width(text, size, bold) <= max) {
            return text == null ? "" : text;
        }
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (width(text.substring(0, mid).stripTrailing() + "…", size, bold) <= max) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low > 0 && Character.isHighSurrogate(text.charAt(low - 1))) {
            low--; // never half a character
        }
        return low == 0 ? "" : text.substring(0, low).stripTrailing() + "…";
    }

    private static Font load(String file) {
        try (InputStream in = TextWidths.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the application: /fonts/" + file);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("Not a font: /fonts/" + file, e);
        }
    }
}
