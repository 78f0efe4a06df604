package io.github.cieservlet.taglib;

import io.github.cieservlet.CieLogoutToken;
import io.github.cieservlet.web.Html;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <cie:logoutForm/>}: the logout button, a POST form to cie-servlet's logout endpoint carrying the
 * session's {@link CieLogoutToken}, so that only this site's pages can log the citizen out (a cross-site link or
 * image cannot). Writes nothing when nobody is logged in with CIE. Needs no script.
 */
public final class LogoutFormTag extends SimpleTagSupport {

    private String label = "Esci";
    private String id;
    private String cssClass;

    /** @param label the button's text; default {@code Esci} */
    public void setLabel(String label) {
        this.label = label;
    }

    /** @param id the {@code id} of the button, or null for none */
    public void setId(String id) {
        this.id = id;
    }

    /** @param cssClass the {@code class} of the form, or null for none */
    public void setCssClass(String cssClass) {
        this.cssClass = cssClass;
    }

    @Override
    public void doTag() throws JspException, IOException {
        PageRequest page = PageRequest.of(getJspContext());
        String action = page.logoutUrl();
        String token = CieLogoutToken.of(page.request());
        if (token == null) {
            return;
        }
        page.write("<form method=\"post\" action=\"" + Html.escape(action) + "\""
                + (cssClass == null ? "" : " class=\"" + Html.escape(cssClass) + "\"") + "><input type=\"hidden\" name=\""
                + CieLogoutToken.PARAM + "\" value=\"" + Html.escape(token) + "\"><button type=\"submit\""
                + (id == null ? "" : " id=\"" + Html.escape(id) + "\"") + ">" + Html.escape(label) + "</button></form>");
    }
}
