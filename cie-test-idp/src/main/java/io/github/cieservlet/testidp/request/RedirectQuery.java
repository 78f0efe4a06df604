package io.github.cieservlet.testidp.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The parameters of an HTTP-Redirect binding query string. */
final class RedirectQuery {

    /** The parameter carrying the request. */
    static final String SAML_REQUEST = "SAMLRequest";

    private RedirectQuery() {
    }

    /**
     * @param rawQuery the query string as received, or null
     * @return the parameters, names and values URL-decoded; a parameter given more than once maps to null, and
     *     a value that is not valid URL encoding decodes to the empty string
     */
    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.put(name, params.containsKey(name) ? null : value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
