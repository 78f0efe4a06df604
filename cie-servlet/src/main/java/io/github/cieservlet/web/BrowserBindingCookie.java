package io.github.cieservlet.web;

import io.github.cieservlet.store.RelayStateTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A secret cookie that ties each pending login to the browser that started it, so a Response obtained in
 * another browser (or stolen) cannot complete it. Scoped to the library's endpoints only, HttpOnly, and, over
 * https, Secure with SameSite=None: the identity provider's answer is a cross-site POST, on which browsers do
 * not send the (SameSite=Lax) session cookie, so the binding cannot rely on the session.
 */
final class BrowserBindingCookie {

    static final String NAME = "cie_login_binding";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String path;
    private final boolean secure;
    private final long maxAgeSeconds;

    /**
     * @param publicBaseUrl the public URL of the application (its path is what the browser sees)
     * @param pathPrefix the endpoints' prefix under the application
     * @param lifetime how long a login may take
     */
    BrowserBindingCookie(String publicBaseUrl, String pathPrefix, Duration lifetime) {
        String basePath = URI.create(publicBaseUrl).getRawPath();
        this.path = (basePath == null ? "" : basePath) + pathPrefix;
        this.secure = publicBaseUrl.startsWith("https:");
        this.maxAgeSeconds = lifetime.getSeconds();
    }

    /**
     * Returns this browser's binding token, issuing a new cookie when it has none (or a malformed one).
     *
     * @param request the request to /login
     * @param response its response
     * @return the token
     */
    String ensure(HttpServletRequest request, HttpServletResponse response) {
        String existing = read(request);
        String token = existing != null ? existing : RelayStateTokens.newToken();
        response.addHeader("Set-Cookie", NAME + "=" + token + "; Path=" + path + "; Max-Age=" + maxAgeSeconds
                + "; HttpOnly" + (secure ? "; Secure; SameSite=None" : "; SameSite=Lax"));
        return token;
    }

    /**
     * @param request a request
     * @return the well-formed token the browser sent, or null
     */
    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && cookie.getValue() != null && TOKEN.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
