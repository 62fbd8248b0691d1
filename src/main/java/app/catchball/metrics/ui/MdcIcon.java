package app.catchball.metrics.ui;

import app.catchball.metrics.MdcIcons;
import app.catchball.metrics.SpcVerdict;
import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import app.catchball.planning.Direction;
import com.vaadin.flow.component.html.Span;

/**
 * A Making Data Count icon on screen: the server-drawn SVG of {@link MdcIcons} inside a span that is an
 * image to assistive technology, with the icon's words as its text alternative and tooltip.
 */
final class MdcIcon extends Span {

    private MdcIcon(String svg, String label, String kind) {
        getElement().setProperty("innerHTML", svg);
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", label);
        getElement().setAttribute("title", label);
        addClassNames("mdc-svg", "mdc-svg-" + kind);
    }

    static MdcIcon variation(PointType variation, Direction direction) {
        return new MdcIcon(MdcIcons.variationSvg(variation, direction), MdcIcons.variationLabel(variation, direction), "variation");
    }

    static MdcIcon assurance(Assurance assurance) {
        return new MdcIcon(MdcIcons.assuranceSvg(assurance), MdcIcons.assuranceLabel(assurance), "assurance");
    }

    static MdcIcon variation(SpcVerdict verdict) {
        return variation(verdict.variation(), verdict.metric().direction());
    }

    static MdcIcon assurance(SpcVerdict verdict) {
        return assurance(verdict.assurance());
    }

    /** The text alternative (what a screen reader says). */
    String label() {
        return getElement().getAttribute("aria-label");
    }
}
