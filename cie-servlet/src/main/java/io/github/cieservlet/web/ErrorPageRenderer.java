package io.github.cieservlet.web;

import io.github.cieservlet.CieError;
import io.github.cieservlet.logging.Log;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Ends a failed CIE exchange: one log line with the technical reason (WARN for a refusal, ERROR for a 5xx
 * failure on our side), and a clear page for the citizen in
 * Italian or English (from Accept-Language; Italian by default) with the HTTP status of the {@link CieError},
 * the stable error code, and a link to try again. Never a stack trace, never the technical detail.
 *
 * <p>The "try again" link starts the login again for the page the failed login was for, when the endpoint that
 * failed knew it ({@link #rememberTarget}) and it passes {@link TargetUrlPolicy}; otherwise it carries no target,
 * and the login ends at {@code cie.defaultTarget}.
 */
public final class ErrorPageRenderer {

    private static final Log LOG = Log.of(ErrorPageRenderer.class);
    private static final String BUNDLE = "io.github.cieservlet.web.messages";
    private static final String TARGET_ATTRIBUTE = ErrorPageRenderer.class.getName() + ".target";

    private final String loginPath;

    /** @param loginPath application-relative path of the login endpoint, for the "try again" link */
    public ErrorPageRenderer(String loginPath) {
        this.loginPath = loginPath;
    }

    /**
     * @param request the current request
     * @param response the response, not yet committed
     * @param error what went wrong
     * @param detail the technical reason, for the log only
     * @throws IOException when writing fails
     */
    public void render(HttpServletRequest request, HttpServletResponse response, CieError error, String detail)
            throws IOException {
        String path = request.getServletPath() + nullToEmpty(request.getPathInfo());
        if (error.httpStatus() >= 500) {
            LOG.error("CIE {} failed ({}): {}", path, error.code(), detail); // our side: an operator must act
        } else {
            LOG.warn("CIE {} refused ({}): {}", path, error.code(), detail);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        Locale locale = chooseLocale(request);
        ResourceBundle messages = ResourceBundle.getBundle(BUNDLE, locale, ErrorPageRenderer.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String title = Html.escape(messages.getString("error." + error.name() + ".title"));
        String text = Html.escape(messages.getString("error." + error.name() + ".text"));
        String retry = request.getContextPath() + loginPath + retryQuery(request);
        String body = "<h1>" + title + "</h1><p>" + text + "</p><p><a href=\"" + Html.escape(retry) + "\">"
                + Html.escape(messages.getString("error.retry")) + "</a> &middot; <a href=\""
                + Html.escape(request.getContextPath() + "/") + "\">" + Html.escape(messages.getString("error.home"))
                + "</a></p><p class=\"code\">" + Html.escape(messages.getString("error.code")) + " "
                + Html.escape(error.code()) + "</p>";
        PageWriter.write(response, error.httpStatus(), locale.getLanguage(), title, body, null, null);
    }

    /**
     * Remembers, for the "try again" link of an error page drawn later in this request, the page the login was
     * for. Not trusted: the link carries it only if {@link TargetUrlPolicy} accepts it.
     *
     * @param request the current request
     * @param target the target of the login that may fail, as asked or as carried through the login; may be null
     */
    public static void rememberTarget(HttpServletRequest request, String target) {
        request.setAttribute(TARGET_ATTRIBUTE, target);
    }

    private static String retryQuery(HttpServletRequest request) {
        Object remembered = request.getAttribute(TARGET_ATTRIBUTE);
        if (!(remembered instanceof String) || ((String) remembered).isEmpty()) {
            return "";
        }
        return TargetUrlPolicy.check((String) remembered)
                .map(target -> "?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)).orElse("");
    }

    /**
     * @param request the request
     * @return Italian or English, the first of the two the browser lists; Italian if it lists neither, or sends
     *     no Accept-Language at all (then {@code getLocales()} is only the server's default locale)
     */
    static Locale chooseLocale(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            // Without the header, getLocales() is the server's default locale, not a choice of the citizen.
            return Locale.ITALIAN;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if ("it".equals(locale.getLanguage())) {
                return Locale.ITALIAN;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ITALIAN;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
