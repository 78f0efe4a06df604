package io.github.cieservlet.taglib;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.web.Html;
import jakarta.servlet.jsp.JspException;

/**
 * {@code <cie:button/>}: the "Entra con CIE" button, a plain link to cie-servlet's login endpoint.
 *
 * <p>The link's text is its accessible name; the mark beside it is hidden from assistive technology. The
 * button is drawn with an inline SVG mark of this library's own design (or the image at {@code logoUrl},
 * for integrators who use the official CIE logo) and styled by a {@code <style>} block that the first
 * button of a request writes. It needs no script and loads nothing from other sites. Writes only an HTML
 * comment when the application does not accept CIE ({@code cie.schemes} without {@code cie}).
 */
public final class ButtonTag extends LoginButtonTag<ButtonLanguage> {

    private String logoUrl;

    /** A medium button in Italian, back to the current page after login. */
    public ButtonTag() {
        super(LoginScheme.CIE, "CIE", "button", ButtonLanguage.class, ButtonLanguage.IT);
    }

    /** @param logoUrl URL of an image to show instead of the built-in mark, e.g. the official CIE logo */
    public void setLogoUrl(String logoUrl) {
        this.logoUrl = logoUrl;
    }

    @Override
    String render(PageRequest page, ButtonSize size, ButtonLanguage language) throws JspException {
        return link(page, size, language, null, mark(size.iconSize()));
    }
    /** The image at logoUrl, or a white ID card with a person and three lines of text, in currentColor. */
    private String mark(int iconSize) {
        if (logoUrl != null && !logoUrl.isEmpty()) {
            return "<img src=\"" + Html.escape(logoUrl) + "\" alt=\"\" height=\"" + iconSize + "\">";
        }
        return ButtonMarkup.svg(iconSize, "<rect x=\"2\" y=\"6\" width=\"28\" height=\"20\" rx=\"3\" fill=\"none\""
                + " stroke=\"currentColor\" stroke-width=\"2\"/>"
                + "<circle cx=\"10.5\" cy=\"13.5\" r=\"3.5\" fill=\"currentColor\"/>"
                + "<path d=\"M4.5 23c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5z\" fill=\"currentColor\"/>"
                + "<path d=\"M20 12h6M20 16h6M20 20h4\" stroke=\"currentColor\" stroke-width=\"2\""
                + " stroke-linecap=\"round\"/>");
    }
}
