package io.github.cieservlet.taglib;

import jakarta.servlet.jsp.JspContext;
import jakarta.servlet.jsp.tagext.JspFragment;
import java.io.IOException;
import java.io.Writer;

/** A tag body that writes fixed text, as the container's generated fragment would. */
final class TextFragment extends JspFragment {

    private final JspContext context;
    private final String text;

    TextFragment(JspContext context, String text) {
        this.context = context;
        this.text = text;
    }

    @Override
    public void invoke(Writer out) throws IOException {
        (out == null ? context.getOut() : out).write(text);
    }

    @Override
    public JspContext getJspContext() {
        return context;
    }
}
