package io.github.cieservlet.taglib;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.CieUrls;
import io.github.cieservlet.ProtectedPaths;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JSP page request in a web application where cie-servlet runs under {@code /cie} and protects
 * {@code /pratiche/*} and {@code /area/*} ({@code cie.defaultTarget} {@code /}): by default
 * {@code /app/pratiche/elenco.jsp?anno=2024&stato=aperte}, nobody logged in, no session.
 */
final class FakePage {

    private final Map<String, Object> requestAttributes = new HashMap<>();
    private final Map<String, Object> contextAttributes = new HashMap<>();
    private Map<String, Object> sessionAttributes;
    private String contextPath = "/app";
    private String requestUri = "/app/pratiche/elenco.jsp";
    private String queryString = "anno=2024&stato=aperte";
    private Locale locale = Locale.ITALY;
    private final TestJspWriter out = new TestJspWriter();
    private final TestPageContext pageContext;

    FakePage() {
        contextAttributes.put(CieUrls.CONTEXT_ATTRIBUTE, new CieUrls("/cie"));
        contextAttributes.put(ProtectedPaths.CONTEXT_ATTRIBUTE, new ProtectedPaths(List.of("/pratiche/*", "/area/*"), "/"));
        HttpServletRequest request = Doubles.of(HttpServletRequest.class, Map.of(
                "getAttribute", args -> requestAttributes.get((String) args[0]),
                "setAttribute", args -> requestAttributes.put((String) args[0], args[1]),
                "getContextPath", args -> contextPath,
                "getRequestURI", args -> requestUri,
                "getQueryString", args -> queryString,
                "getServletPath", args -> requestUri.startsWith(contextPath) ? requestUri.substring(contextPath.length())
                        : requestUri,
                "getPathInfo", args -> null,
                "getLocale", args -> locale,
                "getSession", args -> session((Boolean) args[0])));
        ServletContext servletContext = Doubles.of(ServletContext.class, Map.of(
                "getAttribute", args -> contextAttributes.get((String) args[0])));
        pageContext = new TestPageContext(request, servletContext, out);
    }

    static CieIdentity citizen(String name) {
        return CieIdentity.builder()
                .name(name)
                .familyName("Rossi")
                .dateOfBirth(LocalDate.of(1980, 1, 5))
                .fiscalNumber("TINIT-RSSBNC80A45H501X")
                .level(CieLevel.L2)
                .nameId("_nameid")
                .nameIdQualifier("https://idserver.servizicie.interno.gov.it/idp/profile/SAML2/POST/SSO")
                .authnInstant(Instant.parse("2024-05-01T10:00:00Z"))
                .idpEntityId("https://idserver.servizicie.interno.gov.it/idp/profile/SAML2/POST/SSO")
                .build();
    }

    FakePage at(String contextPath, String requestUri, String queryString) {
        this.contextPath = contextPath;
        this.requestUri = requestUri;
        this.queryString = queryString;
        return this;
    }

    /** @param paths what cie-servlet protects here, and its cie.defaultTarget @return this */
    FakePage protecting(ProtectedPaths paths) {
        contextAttributes.put(ProtectedPaths.CONTEXT_ATTRIBUTE, paths);
        return this;
    }

    FakePage withLocale(Locale locale) {
        this.locale = locale;
        return this;
    }

    FakePage withRequestAttribute(String name, Object value) {
        requestAttributes.put(name, value);
        return this;
    }

    /** The filter's way: the identity is a request attribute. */
    FakePage loggedIn(CieIdentity identity) {
        return withRequestAttribute(CieIdentity.REQUEST_ATTRIBUTE, identity);
    }

    /** A later request: the identity is only in the session. */
    FakePage loggedInSession(CieIdentity identity) {
        sessionAttributes = new HashMap<>(Map.of(CieIdentity.SESSION_ATTRIBUTE, identity));
        return this;
    }

    /** cie-servlet published these URLs, schemes and SPID identity providers (by default: CIE only, /cie). */
    FakePage withUrls(CieUrls urls) {
        contextAttributes.put(CieUrls.CONTEXT_ATTRIBUTE, urls);
        return this;
    }

    FakePage withoutCieServlet() {
        contextAttributes.clear();
        return this;
    }

    Object requestAttribute(String name) {
        return requestAttributes.get(name);
    }

    /** Runs a tag on this page and returns everything the page has written so far. */
    String render(SimpleTagSupport tag) throws JspException, IOException {
        tag.setJspContext(pageContext);
        tag.doTag();
        return out.text();
    }

    /** Runs a tag with a body that writes {@code body}. */
    String render(SimpleTagSupport tag, String body) throws JspException, IOException {
        tag.setJspBody(new TextFragment(pageContext, body));
        return render(tag);
    }

    private HttpSession session(boolean create) {
        if (create) {
            throw new AssertionError("the tags must never create a session");
        }
        if (sessionAttributes == null) {
            return null;
        }
        return Doubles.of(HttpSession.class, Map.of("getAttribute", args -> sessionAttributes.get((String) args[0]),
                "setAttribute", args -> sessionAttributes.put((String) args[0], args[1])));
    }
}
