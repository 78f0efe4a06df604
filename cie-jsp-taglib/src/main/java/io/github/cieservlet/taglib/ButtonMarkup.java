// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import io.github.cieservlet.web.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.jsp.JspException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the CIE, SPID and eIDAS buttons share: the checked attribute values, the one style block per request
 * (with the page's Content-Security-Policy nonce) and the mark-and-text inside each button.
 */
final class ButtonMarkup {

    /** Request attribute set once the buttons' style block is written, so that it is written once per request. */
    static final String STYLE_WRITTEN = ButtonMarkup.class.getName() + ".styleWritten";

    /** The font stack of the buttons and of the SPID menu: Titillium Web where the page loads it. */
    private static final String FONT = "\"Titillium Web\",system-ui,-apple-system,\"Segoe UI\",Roboto,"
            + "\"Helvetica Neue\",Arial,sans-serif";

    private static final String STYLE = ".cie-button{display:inline-flex;align-items:stretch;box-sizing:border-box;"
            + "max-width:100%;margin:0;padding:0;border:1px solid transparent;border-radius:4px;"
            + "background-color:#0053a2;color:#fff;font-family:" + FONT + ";font-weight:600;line-height:1.2;"
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
            + Arrays.stream(ButtonSize.values()).map(ButtonSize::css).collect(Collectors.joining())
            // SPID: the colours of AgID's button (#06c, hover #036, pressed #83beed with #036 text); a <button>
            + "button.cie-button{cursor:pointer;-webkit-appearance:none;appearance:none;text-align:center}"
            + ".cie-button-spid,.cie-button-spid:link,.cie-button-spid:visited{background-color:#06c;color:#fff}"
            + ".cie-button-spid:hover,.cie-button-spid[aria-expanded=true]{background-color:#036;color:#fff}"
            + ".cie-button-spid:active{background-color:#83beed;color:#036}"
            + ".cie-button-spid:active .cie-button-mark{border-right-color:#036}"
            // eIDAS: a neutral dark blue of this project
            + ".cie-button-eidas,.cie-button-eidas:link,.cie-button-eidas:visited{background-color:#004494;color:#fff}"
            + ".cie-button-eidas:hover{background-color:#003070;color:#fff}"
            + ".cie-button-eidas:active{background-color:#00224f;color:#fff}"
            // the SPID chooser: a list of links under the button, shown while the button is expanded; without
            // the script (blocked by a CSP, or switched off) it shows while the focus is inside the widget
            + ".cie-spid{position:relative;display:inline-block;max-width:100%;vertical-align:middle}"
            + ".cie-spid-menu{display:none;position:absolute;z-index:1000;top:100%;left:0;box-sizing:border-box;"
            + "min-width:100%;width:max-content;max-width:calc(100vw - 16px);margin:4px 0 0;padding:4px 0;"
            + "list-style:none;background:#fff;border:1px solid #8a8a8a;border-radius:4px;"
            + "box-shadow:0 4px 12px rgba(0,0,0,.2);font:400 16px/1.25 " + FONT + ";text-align:left}"
            + ".cie-spid-button[aria-expanded=true]+.cie-spid-menu,"
            + "html:not(.cie-spid-js) .cie-spid:focus-within .cie-spid-menu{display:block}"
            + ".cie-spid-menu li{margin:0;padding:0}"
            + ".cie-spid-menu a{display:flex;align-items:center;gap:10px;box-sizing:border-box;min-height:44px;"
            + "padding:6px 16px;color:#004d99;text-decoration:none}"
            + ".cie-spid-menu a:hover{background-color:#e6f0fa;color:#036;text-decoration:underline}"
            + ".cie-spid-menu a:focus{outline:2px solid transparent;box-shadow:inset 0 0 0 3px #1a1a1a}"
            + ".cie-spid-menu img{display:block;flex:none;width:auto;height:28px;max-width:120px}"
            + ".cie-spid-idp+.cie-spid-support{margin-top:4px;border-top:1px solid #d0d0d0;padding-top:4px}"
            + ".cie-spid-support a{min-height:36px;font-size:14px;text-decoration:underline}";

    private ButtonMarkup() {
    }

    /**
     * @param type the allowed values
     * @param value the value an author wrote, matched case-insensitively
     * @param attribute the attribute's name, for the message
     * @return the matching option
     * @throws JspException naming the attribute and its values when the value matches none
     */
    static <E extends Enum<E>> E option(Class<E> type, String value, String attribute) throws JspException {
        for (E option : type.getEnumConstants()) {
            if (option.name().equalsIgnoreCase(value)) {
                return option;
            }
        }
        throw new JspException("The " + attribute + " attribute must be one of "
                + Arrays.stream(type.getEnumConstants()).map(o -> o.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }

    /**
     * Appends the buttons' style block, unless a button of this request already wrote it.
     *
     * @param request the current request, which remembers that the block is written
     * @param nonce the page's Content-Security-Policy nonce, or null
     * @param html where to append
     */
    static void appendStyleOnce(HttpServletRequest request, String nonce, StringBuilder html) {
        if (request.getAttribute(STYLE_WRITTEN) != null) {
            return;
        }
        request.setAttribute(STYLE_WRITTEN, Boolean.TRUE);
        html.append("<style").append(nonceAttribute(nonce)).append('>').append(STYLE).append("</style>");
    }

    /**
     * @param nonce a Content-Security-Policy nonce, or null
     * @return {@code nonce="…"} with a leading space, escaped; empty without a nonce
     */
    static String nonceAttribute(String nonce) {
        return nonce == null || nonce.isEmpty() ? "" : " nonce=\"" + Html.escape(nonce) + "\"";
    }

    /**
     * @param cssClass the classes an author added, or null
     * @return the classes with a leading space, escaped; empty when there are none
     */
    static String extraClasses(String cssClass) {
        return cssClass == null || cssClass.isEmpty() ? "" : " " + Html.escape(cssClass);
    }

    /**
     * Appends the inside of a button: the mark, hidden from assistive technology, and the text, which is the
     * button's accessible name.
     *
     * @param html where to append
     * @param mark the mark: an {@code <svg>} or {@code <img>} element
     * @param languageTag the BCP 47 tag of the text
     * @param text the text, already safe as HTML
     */
    static void appendMarkAndText(StringBuilder html, String mark, String languageTag, String text) {
        html.append("<span class=\"cie-button-mark\" aria-hidden=\"true\">").append(mark)
                .append("</span><span class=\"cie-button-text\" lang=\"").append(languageTag).append("\">")
                .append(text).append("</span>");
    }

    /**
     * @param iconSize the width and height in pixels
     * @param shapes the SVG shapes, drawn in {@code currentColor} on a 32 × 32 grid
     * @return an inline SVG mark that keyboard focus skips
     */
    static String svg(int iconSize, String shapes) {
        return "<svg viewBox=\"0 0 32 32\" width=\"" + iconSize + "\" height=\"" + iconSize + "\" focusable=\"false\">"
                + shapes + "</svg>";
    }

    /**
     * @param tag the tag's name, e.g. {@code spidButton}
     * @param why why the tag wrote no button, in a sentence without {@code --}
     * @return an HTML comment that tells the page's author why the button is not there
     */
    static String comment(String tag, String why) {
        return "<!-- cie:" + tag + ": " + why + " -->";
    }
}
