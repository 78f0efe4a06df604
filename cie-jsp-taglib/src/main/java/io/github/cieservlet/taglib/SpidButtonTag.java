// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.SpidIdentityProvider;
import io.github.cieservlet.web.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.jsp.JspException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code <cie:spidButton/>}: the "Entra con SPID" button with its chooser of SPID identity providers.
 *
 * <p>A real {@code <button>} ({@code aria-expanded}, {@code aria-controls}) opens a list of links, one per
 * identity provider of {@link io.github.cieservlet.CieUrls#spidIdentityProviders()} in a new random order at every render (as the SPID
 * rules ask, so that no provider is favoured), each to the SPID login path of that provider; then AgID's three
 * links "Maggiori informazioni", "Non hai SPID?", "Serve aiuto?". A small script, written once per request with
 * the page's CSP nonce, opens and closes the list (Escape closes it and gives the focus back to the button, the
 * arrow keys move through it, a click or focus elsewhere closes it). Without the script the list shows while the
 * focus is in the button or the list, so the links stay reachable. Writes only an HTML comment when the
 * application does not accept SPID, or has no SPID identity provider.
 */
public final class SpidButtonTag extends LoginButtonTag<SpidButtonLanguage> {

    /** Request attribute set once the script is written, so that it is written once per request. */
    static final String SCRIPT_WRITTEN = SpidButtonTag.class.getName() + ".scriptWritten";

    /** Request attribute counting the SPID buttons of a request, for their ids. */
    static final String COUNT = SpidButtonTag.class.getName() + ".count";

    /**
     * Opens and closes every SPID chooser of the page through listeners on the document (so buttons after the
     * script work too); marks the page with {@code cie-spid-js} so that the no-script fallback stands down.
     */
    private static final String SCRIPT = "(function(d){if(d.cieSpidButton){return;}d.cieSpidButton=1;"
            + "d.documentElement.classList.add('cie-spid-js');"
            + "function menu(b){return d.getElementById(b.getAttribute('aria-controls'));}"
            + "function links(b){return Array.prototype.slice.call(menu(b).querySelectorAll('a'));}"
            + "function expanded(){return d.querySelector('.cie-spid-button[aria-expanded=\"true\"]');}"
            + "function set(b,open){b.setAttribute('aria-expanded',open?'true':'false');}"
            + "function button(t){return t&&t.closest?t.closest('.cie-spid-button'):null;}"
            + "d.addEventListener('click',function(e){var b=button(e.target),o=expanded();"
            + "if(o&&o!==b&&!menu(o).contains(e.target)){set(o,false);}"
            + "if(b){set(b,b.getAttribute('aria-expanded')!=='true');}});"
            + "d.addEventListener('keydown',function(e){var b=button(e.target),o=expanded(),l,i;"
            + "if(b&&e.key==='ArrowDown'){set(b,true);links(b)[0].focus();e.preventDefault();return;}"
            + "if(!o){return;}"
            + "if(e.key==='Escape'||e.key==='Esc'){set(o,false);o.focus();e.preventDefault();return;}"
            + "l=links(o);i=l.indexOf(d.activeElement);"
            + "if(i>=0&&(e.key==='ArrowDown'||e.key==='ArrowUp')){"
            + "l[(i+(e.key==='ArrowDown'?1:l.length-1))%l.length].focus();e.preventDefault();}});"
            + "d.addEventListener('focusin',function(e){var o=expanded();"
            + "if(o&&o!==e.target&&!menu(o).contains(e.target)){set(o,false);}});"
            + "})(document);";

    /** A person, head and shoulders, in a rounded square: this library's own mark, not the SPID logo. */
    private static final String MARK = "<rect x=\"3\" y=\"3\" width=\"26\" height=\"26\" rx=\"7\" fill=\"none\""
            + " stroke=\"currentColor\" stroke-width=\"2\"/>"
            + "<circle cx=\"16\" cy=\"12.5\" r=\"4.5\" fill=\"currentColor\"/>"
            + "<path d=\"M8 25c0-4.6 3.6-7.5 8-7.5s8 2.9 8 7.5z\" fill=\"currentColor\"/>";

    private final Random random;
    private String idpLogos = "true";
    private boolean logos;

    /** A medium button in Italian whose identity providers are shuffled with the thread's random generator. */
    public SpidButtonTag() {
        this(null);
    }

    /** @param random the generator that shuffles the identity providers; null for the thread's own */
    SpidButtonTag(Random random) {
        super(LoginScheme.SPID, "SPID", "spidButton", SpidButtonLanguage.class, SpidButtonLanguage.IT);
        this.random = random;
    }

    /** @param idpLogos {@code true} (the default) to show each identity provider's logo beside its name */
    public void setIdpLogos(String idpLogos) {
        this.idpLogos = idpLogos;
    }

    @Override
    void checkOtherAttributes() throws JspException {
        logos = ButtonMarkup.option(Switch.class, idpLogos, "idpLogos") == Switch.TRUE;
    }

    @Override
    String render(PageRequest page, ButtonSize buttonSize, SpidButtonLanguage language) throws JspException {
        List<SpidIdentityProvider> providers = new ArrayList<>(page.urls().spidIdentityProviders());
        if (providers.isEmpty()) {
            return ButtonMarkup.comment("spidButton", "no SPID identity provider is configured");
        }
        Collections.shuffle(providers, random == null ? ThreadLocalRandom.current() : random);

        HttpServletRequest request = page.request();
        String id = "cie-spid-" + nextNumber(request);
        StringBuilder html = new StringBuilder(4096);
        ButtonMarkup.appendStyleOnce(request, nonce(), html);
        html.append("<div class=\"cie-spid\"><button type=\"button\" class=\"cie-button cie-button-spid cie-spid-button ")
                .append(buttonSize.cssClass()).append(extraClasses()).append("\" id=\"").append(id)
                .append("\" aria-expanded=\"false\" aria-controls=\"").append(id).append("-menu\">");
        ButtonMarkup.appendMarkAndText(html, ButtonMarkup.svg(buttonSize.iconSize(), MARK), language.tag(),
                language.label());
        html.append("</button><ul class=\"cie-spid-menu\" id=\"").append(id).append("-menu\" lang=\"")
                .append(language.tag()).append("\" aria-label=\"").append(language.listName()).append("\">");
        for (SpidIdentityProvider provider : providers) {
            html.append("<li class=\"cie-spid-idp\"><a href=\"")
                    .append(Html.escape(page.loginUrl(LoginScheme.SPID, provider.entityId(), target()))).append("\">");
            String logo = logos ? logoUrl(request, provider.logoUri()) : null;
            if (logo != null) {
                html.append("<img src=\"").append(Html.escape(logo)).append("\" alt=\"\" height=\"28\">");
            }
            html.append("<span>").append(Html.escape(provider.displayName())).append("</span></a></li>");
        }
        for (int i = 0; i < SpidButtonLanguage.SUPPORT_PAGES.length; i++) {
            html.append("<li class=\"cie-spid-support\"><a href=\"").append(SpidButtonLanguage.SUPPORT_PAGES[i])
                    .append("\" hreflang=\"it\">").append(language.supportLink(i)).append("</a></li>");
        }
        html.append("</ul></div>");
        if (request.getAttribute(SCRIPT_WRITTEN) == null) {
            request.setAttribute(SCRIPT_WRITTEN, Boolean.TRUE);
            html.append("<script").append(ButtonMarkup.nonceAttribute(nonce())).append('>').append(SCRIPT)
                    .append("</script>");
        }
        return html.toString();
    }

    private static int nextNumber(HttpServletRequest request) {
        Object count = request.getAttribute(COUNT);
        int number = count instanceof Integer ? (Integer) count + 1 : 1;
        request.setAttribute(COUNT, number);
        return number;
    }

    /**
     * @return the logo's URL for the page: an application-relative path gets the context path, an https URL
     *     stays as it is; anything else (http, data, javascript, a protocol-relative {@code //host}) is dropped
     */
    private static String logoUrl(HttpServletRequest request, String logoUri) {
        if (logoUri == null || logoUri.isEmpty()) {
            return null;
        }
        if (logoUri.startsWith("/") && !logoUri.startsWith("//") && logoUri.indexOf('\\') < 0) {
            return request.getContextPath() + logoUri;
        }
        return logoUri.regionMatches(true, 0, "https://", 0, 8) ? logoUri : null;
    }

    /** The values of a yes-or-no attribute. */
    private enum Switch {
        TRUE, FALSE
    }
}
