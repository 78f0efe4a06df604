package io.github.cieservlet.taglib;

import io.github.cieservlet.web.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code <cie:button/>}: the "Entra con CIE" button, a plain link to cie-servlet's login endpoint.
 *
 * <p>The link's text is its accessible name; the mark beside it is hidden from assistive technology. The
 * button is drawn with an inline SVG mark of this library's own design (or the image at {@code logoUrl},
 * for integrators who use the official CIE logo) and styled by a {@code <style>} block that the first
 * button of a request writes. It needs no script and loads nothing from other sites.
 */
public final class ButtonTag extends SimpleTagSupport {

    /** Request attribute set once the button's style block is written, so that it is written once per request. */
    static final String STYLE_WRITTEN = ButtonTag.class.getName() + ".styleWritten";

    private static final String STYLE = ".cie-button{display:inline-flex;align-items:stretch;box-sizing:border-box;"
            + "max-width:100%;margin:0;padding:0;border:1px solid transparent;border-radius:4px;"
            + "background-color:#0053a2;color:#fff;font-family:\"Titillium Web\",system-ui,-apple-system,"
            + "\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;font-weight:600;line-height:1.2;"
            + "text-decoration:none;vertical-align:middle}"
            + ".cie-button:link,.cie-button:visited{color:#fff;text-decoration:none}"
            + ".cie-button:hover{background-color:#003d78;color:#fff}"
            + ".cie-button:active{background-color:#002b55;color:#fff}"
            + ".cie-button:focus{outline:2px solid transparent;box-shadow:0 0 0 2px #fff,0 0 0 5px #1a1a1a}"
            + ".cie-button-mark{display:flex;flex:none;align-items:center;justify-content:center;"
            + "border-right:1px solid #fff}"
            + ".cie-button-mark svg,.cie-button-mark img{display:block;max-width:100%}"
            + ".cie-button-text{display:flex;flex:auto;align-items:center;justify-content:center;"
            + "padding:0 .4em;text-align:center}"
            + Arrays.stream(ButtonSize.values()).map(ButtonSize::css).collect(Collectors.joining());

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
        ButtonSize buttonSize = option(ButtonSize.class, size, "size");
        ButtonLanguage language = option(ButtonLanguage.class, lang, "lang");
        PageRequest page = PageRequest.of(getJspContext());
        String href = page.loginUrl(target);

        StringBuilder html = new StringBuilder(2048);
        HttpServletRequest request = page.request();
        if (request.getAttribute(STYLE_WRITTEN) == null) {
            request.setAttribute(STYLE_WRITTEN, Boolean.TRUE);
            html.append("<style");
            if (nonce != null && !nonce.isEmpty()) {
                html.append(" nonce=\"").append(Html.escape(nonce)).append('"');
            }
            html.append('>').append(STYLE).append("</style>");
        }
        html.append("<a class=\"cie-button ").append(buttonSize.cssClass());
        if (cssClass != null && !cssClass.isEmpty()) {
            html.append(' ').append(Html.escape(cssClass));
        }
        html.append("\" href=\"").append(Html.escape(href)).append("\">")
                .append("<span class=\"cie-button-mark\" aria-hidden=\"true\">");
        appendMark(html, buttonSize.iconSize());
        html.append("</span><span class=\"cie-button-text\" lang=\"").append(language.tag()).append("\">")
                .append(language.label()).append("</span></a>");
        page.write(html.toString());
    }

    /** The image at logoUrl, or a white ID card with a person and three lines of text, in currentColor. */
    private void appendMark(StringBuilder html, int iconSize) {
        if (logoUrl != null && !logoUrl.isEmpty()) {
            html.append("<img src=\"").append(Html.escape(logoUrl)).append("\" alt=\"\" height=\"")
                    .append(iconSize).append("\">");
            return;
        }
        html.append("<svg viewBox=\"0 0 32 32\" width=\"").append(iconSize).append("\" height=\"").append(iconSize)
                .append("\" focusable=\"false\">")
                .append("<rect x=\"2\" y=\"6\" width=\"28\" height=\"20\" rx=\"3\" fill=\"none\""
                        + " stroke=\"currentColor\" stroke-width=\"2\"/>")
                .append("<circle cx=\"10.5\" cy=\"13.5\" r=\"3.5\" fill=\"currentColor\"/>")
                .append("<path d=\"M4.5 23c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5z\" fill=\"currentColor\"/>")
                .append("<path d=\"M20 12h6M20 16h6M20 20h4\" stroke=\"currentColor\" stroke-width=\"2\""
                        + " stroke-linecap=\"round\"/>")
                .append("</svg>");
    }

    private static <E extends Enum<E>> E option(Class<E> type, String value, String attribute) throws JspException {
        for (E option : type.getEnumConstants()) {
            if (option.name().equalsIgnoreCase(value)) {
                return option;
            }
        }
        throw new JspException("The " + attribute + " attribute must be one of "
                + Arrays.stream(type.getEnumConstants()).map(o -> o.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }
}
