// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.web.Html;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <cie:eidasButton/>}: the "Login with eIDAS" button for citizens of other EU countries, a plain link to
 * the eIDAS login path (the Italian eIDAS node, FICEP). Drawn like the CIE button, in a dark blue, with this
 * library's own mark (a globe), no script and nothing loaded from other sites. Writes only an HTML comment when
 * the application does not accept eIDAS ({@code cie.schemes} without {@code eidas}).
 */
public final class EidasButtonTag extends SimpleTagSupport {

    /** A globe: a circle, its equator and two meridians. Neither the EU emblem nor the eIDAS logo. */
    private static final String MARK = "<circle cx=\"16\" cy=\"16\" r=\"12\" fill=\"none\" stroke=\"currentColor\""
            + " stroke-width=\"2\"/><ellipse cx=\"16\" cy=\"16\" rx=\"5\" ry=\"12\" fill=\"none\""
            + " stroke=\"currentColor\" stroke-width=\"2\"/><path d=\"M4 16h24M6.5 9.5h19M6.5 22.5h19\""
            + " stroke=\"currentColor\" stroke-width=\"2\"/>";

    private String size = "m";
    private String target;
    private String lang = "en";
    private String cssClass;
    private String nonce;

    /** @param size {@code s}, {@code m} (the default), {@code l} or {@code xl} */
    public void setSize(String size) {
        this.size = size;
    }

    /** @param target application-relative page to show after login; the current page when not set */
    public void setTarget(String target) {
        this.target = target;
    }

    /** @param lang language of the text: {@code en} (the default, "Login with eIDAS") or {@code it} */
    public void setLang(String lang) {
        this.lang = lang;
    }

    /** @param cssClass extra CSS classes of the link */
    public void setCssClass(String cssClass) {
        this.cssClass = cssClass;
    }

    /** @param nonce Content-Security-Policy nonce for the style block */
    public void setNonce(String nonce) {
        this.nonce = nonce;
    }

    @Override
    public void doTag() throws JspException, IOException {
        ButtonSize buttonSize = ButtonMarkup.option(ButtonSize.class, size, "size");
        EidasButtonLanguage language = ButtonMarkup.option(EidasButtonLanguage.class, lang, "lang");
        PageRequest page = PageRequest.of(getJspContext());
        if (!page.urls().schemes().contains(LoginScheme.EIDAS)) {
            page.write(ButtonMarkup.comment("eidasButton", "eIDAS is not enabled in cie.schemes"));
            return;
        }
        String href = page.loginUrl(LoginScheme.EIDAS, null, target);
        StringBuilder html = new StringBuilder(2048);
        ButtonMarkup.appendStyleOnce(page.request(), nonce, html);
        html.append("<a class=\"cie-button cie-button-eidas ").append(buttonSize.cssClass())
                .append(ButtonMarkup.extraClasses(cssClass)).append("\" href=\"").append(Html.escape(href)).append("\">");
        ButtonMarkup.appendMarkAndText(html, ButtonMarkup.svg(buttonSize.iconSize(), MARK), language.tag(),
                language.label());
        html.append("</a>");
        page.write(html.toString());
    }
}
