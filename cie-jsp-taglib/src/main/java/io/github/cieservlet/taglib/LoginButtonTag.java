// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.web.Html;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * What the CIE, SPID and eIDAS login buttons share: the attributes {@code size}, {@code target}, {@code lang},
 * {@code cssClass} and {@code nonce}, their checks, and writing only an HTML comment when the application does
 * not accept the button's scheme ({@code cie.schemes}). Only this library's tags extend it.
 *
 * @param <L> the button's languages
 */
public abstract class LoginButtonTag<L extends Enum<L> & ButtonText> extends SimpleTagSupport {

    private final LoginScheme scheme;
    private final String schemeName;
    private final String tagName;
    private final Class<L> languages;
    private String size = "m";
    private String target;
    private String lang;
    private String cssClass;
    private String nonce;

    LoginButtonTag(LoginScheme scheme, String schemeName, String tagName, Class<L> languages, L defaultLanguage) {
        this.scheme = scheme;
        this.schemeName = schemeName;
        this.tagName = tagName;
        this.languages = languages;
        this.lang = defaultLanguage.tag();
    }

    /** @param size {@code s}, {@code m} (the default), {@code l} or {@code xl} */
    public void setSize(String size) {
        this.size = size;
    }

    /** @param target application-relative page to show after login; the current page when not set */
    public void setTarget(String target) {
        this.target = target;
    }

    /** @param lang the language of the button's text, e.g. {@code it} or {@code en} */
    public void setLang(String lang) {
        this.lang = lang;
    }

    /** @param cssClass extra CSS classes of the button */
    public void setCssClass(String cssClass) {
        this.cssClass = cssClass;
    }

    /** @param nonce Content-Security-Policy nonce for what the button writes once per request (style, script) */
    public void setNonce(String nonce) {
        this.nonce = nonce;
    }

    @Override
    public final void doTag() throws JspException, IOException {
        ButtonSize buttonSize = ButtonMarkup.option(ButtonSize.class, size, "size");
        L language = ButtonMarkup.option(languages, lang, "lang");
        checkOtherAttributes();
        PageRequest page = PageRequest.of(getJspContext());
        if (!page.urls().schemes().contains(scheme)) {
            page.write(ButtonMarkup.comment(tagName, schemeName + " is not enabled in cie.schemes"));
            return;
        }
        page.write(render(page, buttonSize, language));
    }

    /** @throws JspException when an attribute of the subclass's own has a wrong value */
    void checkOtherAttributes() throws JspException {
        // the shared attributes are checked by doTag
    }

    /**
     * @return the markup of the button, every value escaped
     * @throws JspException when the target is not an application-relative path
     */
    abstract String render(PageRequest page, ButtonSize size, L language) throws JspException;

    /** @return the page to show after login as the author wrote it, or null for the current page */
    final String target() {
        return target;
    }

    /** @return the nonce, or null */
    final String nonce() {
        return nonce;
    }

    /** @return the author's extra classes with a leading space, escaped; empty when there are none */
    final String extraClasses() {
        return ButtonMarkup.extraClasses(cssClass);
    }

    /**
     * @param page the page
     * @param size the button's size
     * @param language the button's language
     * @param variant the class of the scheme's look, e.g. {@code cie-button-eidas}, or null for CIE's
     * @param mark the mark: an {@code <svg>} or {@code <img>}
     * @return the style block (if first) and the button as a link to the scheme's login
     */
    final String link(PageRequest page, ButtonSize size, L language, String variant, String mark) throws JspException {
        String href = page.loginUrl(scheme, null, target);
        StringBuilder html = new StringBuilder(2048);
        ButtonMarkup.appendStyleOnce(page.request(), nonce, html);
        html.append("<a class=\"cie-button ").append(variant == null ? "" : variant + " ").append(size.cssClass())
                .append(extraClasses()).append("\" href=\"").append(Html.escape(href)).append("\">");
        ButtonMarkup.appendMarkAndText(html, mark, language.tag(), language.label());
        return html.append("</a>").toString();
    }
}
