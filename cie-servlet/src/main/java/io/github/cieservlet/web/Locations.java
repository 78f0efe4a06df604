package io.github.cieservlet.web;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes application-relative URLs for a {@code Location} header, which must be ASCII: a target with
 * non-ASCII characters sent raw is mangled by the container (Jetty turns them into spaces, Tomcat drops the
 * header). UTF-8 bytes, as browsers do.
 */
final class Locations {

    private static final String URI_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "-._~!$&'()*+,;=:@/?#[]";
    private static final String PATH_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "-._~!$&'()*+,;=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Locations() {
    }

    /**
     * @param url an application-relative URL, possibly with a query, possibly already (partly) percent-encoded
     * @return the same URL with every character that may not appear in a URI percent-encoded; existing
     *     {@code %XX} escapes are kept, a {@code %} that starts none is encoded
     */
    static String encode(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '%' && i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2))) {
                out.append(c);
            } else if (c != '%' && URI_CHARS.indexOf(c) >= 0) {
                out.append(c);
            } else {
                i = appendEncoded(out, url, i);
            }
        }
        return out.toString();
    }

    /**
     * @param path a decoded path, as the container gives it (servlet path plus path info)
     * @return the path with everything but unreserved characters, sub-delimiters, ':', '@' and '/' encoded
     *     (so a '?', '#' or '%' in a segment stays part of the path)
     */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (PATH_CHARS.indexOf(c) >= 0) {
                out.append(c);
            } else {
                i = appendEncoded(out, path, i);
            }
        }
        return out.toString();
    }

    private static int appendEncoded(StringBuilder out, String text, int i) {
        int end = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1)) ? i + 2 : i + 1;
        for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return end - 1;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
