package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} POST body with a hard size limit, before the container
 * parses it (so the limit holds whatever the container's own form-size setting is). A parameter sent twice is
 * refused: it would be ambiguous which one was validated.
 */
final class FormBody {

    private final Map<String, String> params;

    private FormBody(Map<String, String> params) {
        this.params = params;
    }

    /**
     * @param request a POST request
     * @param maxBytes largest body accepted
     * @return the parameters
     * @throws CieAuthenticationException RESPONSE_TOO_LARGE beyond the limit, MISSING_RESPONSE when unreadable
     * @throws IOException when reading fails
     */
    static FormBody read(HttpServletRequest request, int maxBytes) throws CieAuthenticationException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new CieAuthenticationException(CieError.RESPONSE_TOO_LARGE,
                    "Content-Length " + declared + " exceeds cie.maxResponseBytes=" + maxBytes);
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new CieAuthenticationException(CieError.MISSING_RESPONSE, "Content-Type is " + contentType
                    + ", not application/x-www-form-urlencoded");
        }
        byte[] body = readBounded(request.getInputStream(), maxBytes);
        if (body.length == 0 && request.getParameter("SAMLResponse") != null) {
            // Something before this servlet already parsed the body: fall back on the container's parameters.
            Map<String, String> parsed = new HashMap<>();
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                if (e.getValue().length != 1) {
                    throw new CieAuthenticationException(CieError.MALFORMED_RESPONSE, "parameter " + e.getKey() + " sent twice");
                }
                parsed.put(e.getKey(), e.getValue()[0]);
            }
            return new FormBody(parsed);
        }
        return new FormBody(parse(new String(body, StandardCharsets.US_ASCII)));
    }

    /** @param name a parameter name @return its value, or null */
    String get(String name) {
        return params.get(name);
    }

    private static byte[] readBounded(InputStream in, int maxBytes) throws IOException, CieAuthenticationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > maxBytes) {
                throw new CieAuthenticationException(CieError.RESPONSE_TOO_LARGE,
                        "body exceeds cie.maxResponseBytes=" + maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Map<String, String> parse(String body) throws CieAuthenticationException {
        Map<String, String> params = new HashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (params.put(name, value) != null) {
                    throw new CieAuthenticationException(CieError.MALFORMED_RESPONSE, "parameter " + name + " sent twice");
                }
            } catch (IllegalArgumentException e) {
                throw new CieAuthenticationException(CieError.MISSING_RESPONSE, "body is not URL-encoded form data");
            }
        }
        return params;
    }
}
