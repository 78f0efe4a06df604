package io.github.cieservlet.taglib;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.JspFragment;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/** {@code <cie:authenticated>}: renders its body only when a citizen is logged in with CIE. */
public final class AuthenticatedTag extends SimpleTagSupport {

    @Override
    public void doTag() throws JspException, IOException {
        JspFragment body = getJspBody();
        if (body != null && PageRequest.of(getJspContext()).identity() != null) {
            body.invoke(null);
        }
    }
}
