package io.github.cieservlet.taglib;

import io.github.cieservlet.web.Html;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <cie:loginUrl/>}: writes the HTML-escaped URL of cie-servlet's login endpoint, for pages that draw
 * their own link or button.
 */
public final class LoginUrlTag extends SimpleTagSupport {

    private String target;

    /** @param target application-relative page to show after login; the current page when not set */
    public void setTarget(String target) {
        this.target = target;
    }

    @Override
    public void doTag() throws JspException, IOException {
        PageRequest page = PageRequest.of(getJspContext());
        page.write(Html.escape(page.loginUrl(target)));
    }
}
