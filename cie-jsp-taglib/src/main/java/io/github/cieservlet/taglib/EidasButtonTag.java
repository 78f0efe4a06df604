// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import io.github.cieservlet.LoginScheme;
import jakarta.servlet.jsp.JspException;

/**
 * {@code <cie:eidasButton/>}: the "Login with eIDAS" button for citizens of other EU countries, a plain link to
 * the eIDAS login path (the Italian eIDAS node, FICEP). Drawn like the CIE button, in a dark blue, with this
 * library's own mark (a globe), no script and nothing loaded from other sites. Writes only an HTML comment when
 * the application does not accept eIDAS ({@code cie.schemes} without {@code eidas}).
 */
public final class EidasButtonTag extends LoginButtonTag<EidasButtonLanguage> {

    /** A globe: a circle, its equator and two meridians. Neither the EU emblem nor the eIDAS logo. */
    private static final String MARK = "<circle cx=\"16\" cy=\"16\" r=\"12\" fill=\"none\" stroke=\"currentColor\""
            + " stroke-width=\"2\"/><ellipse cx=\"16\" cy=\"16\" rx=\"5\" ry=\"12\" fill=\"none\""
            + " stroke=\"currentColor\" stroke-width=\"2\"/><path d=\"M4 16h24M6.5 9.5h19M6.5 22.5h19\""
            + " stroke=\"currentColor\" stroke-width=\"2\"/>";

    /** A medium button in English, back to the current page after login. */
    public EidasButtonTag() {
        super(LoginScheme.EIDAS, "eIDAS", "eidasButton", EidasButtonLanguage.class, EidasButtonLanguage.EN);
    }

    @Override
    String render(PageRequest page, ButtonSize size, EidasButtonLanguage language) throws JspException {
        return link(page, size, language, "cie-button-eidas", ButtonMarkup.svg(size.iconSize(), MARK));
    }
}
