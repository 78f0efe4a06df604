package io.github.cieservlet.taglib;

/** Escapes text for HTML element content and quoted attribute values. */
final class HtmlEscaper {

    private HtmlEscaper() {
    }

    /**
     * @param text the text to write into a page, not null
     * @return the text with {@code & < > " '} replaced by character references
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    escaped.append("&amp;");
                    break;
                case '<':
                    escaped.append("&lt;");
                    break;
                case '>':
                    escaped.append("&gt;");
                    break;
                case '"':
                    escaped.append("&quot;");
                    break;
                case '\'':
                    escaped.append("&#39;");
                    break;
                default:
                    escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
