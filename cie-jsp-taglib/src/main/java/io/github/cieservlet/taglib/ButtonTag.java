package io.github.cieservlet.taglib;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.web.Html;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <cie:button/>}: the "Entra con CIE" button, a plain link to cie-servlet's login endpoint.
 *
 * <p>The link's text is its accessible name; the mark beside it is hidden from assistive technology. The
 * button is drawn with an inline SVG mark of this library's own design (or the image at {@code logoUrl},
 * for integrators who use the official CIE logo) and styled by a {@code <style>} block that the first
 * button of a request writes. It needs no script and loads nothing from other sites. Writes only an HTML
 * comment when the application does not accept CIE ({@code cie.schemes} without {@code cie}).
 */
public final class ButtonTag extends SimpleTagSupport {

    private String size = "m";
    private String target;
    private String lang = "it";
    private String cssClass;
    private String logoUrl;
    private String nonce;

    /** @param size {@code s}, {@code m} (the default), {@code l} or {@code xl} */
    public void setSize(String size) {
        this.size = size;
    }

    /** @param target application-relative page to show after login; the current page when not set */
    public void setTarget(String target) {
        this.target = target;
    }

    /** @param lang language of the text: {@code it} (the default), {@code en} or {@code de} */
    public void setLang(String lang) {
        this.lang = lang;
    }

    /** @param cssClass extra CSS classes of the link */
    public void setCssClass(String cssClass) {
        this.cssClass = cssClass;
    }

    /** @param logoUrl URL of an image to show instead of the built-in mark, e.g. the official CIE logo */
    public void setLogoUrl(String logoUrl) {
        this.logoUrl = logoUrl;
    }

    /** @param nonce Content-Security-Policy nonce for the style block */
    public void setNonce(String nonce) {
        this.nonce = nonce;
    }

    @Override
    public void doTag() throws JspException, IOException {
        ButtonSize buttonSize = ButtonMarkup.option(ButtonSize.class, size, "size");
        ButtonLanguage language = ButtonMarkup.option(ButtonLanguage.class, lang, "lang");
        PageRequest page = PageRequest.of(getJspContext());
        if (!page.urls().schemes().contains(LoginScheme.CIE)) {
            page.write(ButtonMarkup.comment("button", "CIE is not enabled in cie.schemes"));
            return;
        }
        String href = page.loginUrl(target);

        StringBuilder html = new StringBuilder(2048);
        ButtonMarkup.appendStyleOnce(page.request(), nonce, html);
        html.append("<a class=\"cie-button ").append(buttonSize.cssClass()).append(ButtonMarkup.extraClasses(cssClass))
                .append("\" href=\"").append(Html.escape(href)).append("\">");
        ButtonMarkup.appendMarkAndText(html, mark(buttonSize.iconSize()), language.tag(), language.label());
        html.append("</a>");
        page.write(html.toString());
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
