package io.github.cieservlet.taglib;

import io.github.cieservlet.web.Html;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <cie:logoutUrl/>}: writes the HTML-escaped URL of cie-servlet's logout endpoint. A plain link to it (GET)
 * logs nobody out: it shows a confirmation page whose form does. For a one-click logout button use
 * {@link LogoutFormTag}.
 */
public final class LogoutUrlTag extends SimpleTagSupport {

    @Override
    public void doTag() throws JspException, IOException {
        PageRequest page = PageRequest.of(getJspContext());
        page.write(Html.escape(page.logoutUrl()));
    }
}
