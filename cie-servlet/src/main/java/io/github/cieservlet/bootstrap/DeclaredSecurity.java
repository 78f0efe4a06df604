package io.github.cieservlet.bootstrap;

import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The security that web.xml declares, read with the library's hardened parser: the URL patterns of each
 * {@code <security-constraint>} that has an {@code <auth-constraint>}, with its roles; the FORM login and error
 * pages of {@code <login-config>}; and the {@code <filter-mapping>}s (some containers, such as Jetty, link them to
 * their filters only after the initializers ran). Used with {@code cie.containerSecurity=true}, where the CIE login is the
 * container's own.
 */
public final class DeclaredSecurity {

    private final List<String> protectedPatterns;
    private final List<String> protectedUrlPatterns;
    private final Map<String, List<String>> filterMappings;
    private final String formLoginPage;
    private final String formErrorPage;

    private DeclaredSecurity(List<String> protectedPatterns, List<String> protectedUrlPatterns,
            Map<String, List<String>> filterMappings, String formLoginPage, String formErrorPage) {
        this.protectedPatterns = List.copyOf(protectedPatterns);
        this.protectedUrlPatterns = List.copyOf(protectedUrlPatterns);
        this.filterMappings = Map.copyOf(filterMappings);
        this.formLoginPage = formLoginPage;
        this.formErrorPage = formErrorPage;
    }

    /**
     * @param context the web application
     * @return what its WEB-INF/web.xml declares; nothing when it has none
     * @throws IllegalStateException when web.xml cannot be read
     */
    public static DeclaredSecurity of(ServletContext context) {
        try (InputStream in = context.getResourceAsStream("/WEB-INF/web.xml")) {
            return in == null ? new DeclaredSecurity(List.of(), List.of(), Map.of(), null, null) : parse(in.readAllBytes());
        } catch (IOException | SamlXmlException e) {
            throw new IllegalStateException("cannot read WEB-INF/web.xml: " + e.getMessage(), e);
        }
    }

    /**
     * @param webXml the bytes of a web.xml
     * @return what it declares
     * @throws SamlXmlException when it is not well-formed or has a DOCTYPE
     */
    public static DeclaredSecurity parse(byte[] webXml) throws SamlXmlException {
        Document document = SecureXml.parse(webXml);
        List<String> patterns = new ArrayList<>();
        List<String> urlPatterns = new ArrayList<>();
        NodeList constraints = document.getElementsByTagNameNS("*", "security-constraint");
        for (int i = 0; i < constraints.getLength(); i++) {
            Element constraint = (Element) constraints.item(i);
            NodeList auth = constraint.getElementsByTagNameNS("*", "auth-constraint");
            if (auth.getLength() == 0) {
                continue;
            }
            List<String> roles = texts((Element) auth.item(0), "role-name");
            NodeList urls = constraint.getElementsByTagNameNS("*", "url-pattern");
            for (int u = 0; u < urls.getLength(); u++) {
                urlPatterns.add(urls.item(u).getTextContent().trim());
                patterns.add(urls.item(u).getTextContent().trim() + " (security-constraint, roles "
                        + (roles.isEmpty() ? "none: access denied" : String.join(" ", roles)) + ")");
            }
        }
        Map<String, List<String>> mappings = new HashMap<>();
        NodeList filterMappings = document.getElementsByTagNameNS("*", "filter-mapping");
        for (int i = 0; i < filterMappings.getLength(); i++) {
            Element mapping = (Element) filterMappings.item(i);
            List<String> targets = mappings.computeIfAbsent(texts(mapping, "filter-name").stream().findFirst().orElse(""),
                    name -> new ArrayList<>());
            targets.addAll(texts(mapping, "url-pattern"));
            texts(mapping, "servlet-name").forEach(servlet -> targets.add("servlet " + servlet));
        }
        return new DeclaredSecurity(patterns, urlPatterns, mappings, first(document, "form-login-page"),
                first(document, "form-error-page"));
    }

    /** @return each protected URL pattern, described with its roles */
    public List<String> protectedPatterns() {
        return protectedPatterns;
    }

    /** @return the URL patterns of the security constraints that have an auth-constraint, as written */
    public List<String> protectedUrlPatterns() {
        return protectedUrlPatterns;
    }

    /**
     * @param filterName a filter's name
     * @return the URL patterns (and {@code servlet <name>}s) of its {@code <filter-mapping>}s in web.xml
     */
    public List<String> filterMappings(String filterName) {
        return filterMappings.getOrDefault(filterName, List.of());
    }

    /** @return the {@code <form-login-page>}, when web.xml has FORM login */
    public Optional<String> formLoginPage() {
        return Optional.ofNullable(formLoginPage);
    }

    /** @return the {@code <form-error-page>}, when web.xml has FORM login */
    public Optional<String> formErrorPage() {
        return Optional.ofNullable(formErrorPage);
    }

    private static List<String> texts(Element parent, String name) {
        List<String> values = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    private static String first(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
