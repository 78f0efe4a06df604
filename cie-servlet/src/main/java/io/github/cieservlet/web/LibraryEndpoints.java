package io.github.cieservlet.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises a request for one of the library's own endpoints by the servlet the container mapped it to (its
 * registered name), never by a prefix of the URI: {@code /cie/../area-riservata/}, {@code /cie/..;/x} and their
 * encoded forms are served by the application's servlets, so they are not endpoints, whatever they start with.
 */
final class LibraryEndpoints {

    private static final Set<String> SERVLET_CLASSES = Set.of(LoginServlet.class.getName(),
            AssertionConsumerServlet.class.getName(), MetadataServlet.class.getName(), LogoutServlet.class.getName(),
            SingleLogoutServlet.class.getName());

    private final Set<String> servletNames;

    private LibraryEndpoints(Set<String> servletNames) {
        this.servletNames = Set.copyOf(servletNames);
    }

    /**
     * @param context the started application: the library's servlets are registered (by the library, or in
     *     web.xml with {@code cie.registerServlets=false})
     * @return the endpoints: the names of the servlets whose class is one of the library's
     */
    static LibraryEndpoints of(ServletContext context) {
        return new LibraryEndpoints(names(context.getServletRegistrations()));
    }

    /**
     * @param registrations servlet registrations by name
     * @return the names of those whose class is one of the library's endpoints
     */
    static Set<String> names(Map<String, ? extends ServletRegistration> registrations) {
        return registrations.entrySet().stream().filter(e -> SERVLET_CLASSES.contains(e.getValue().getClassName()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /**
     * @param servletNames the names of the library's servlets
     * @return endpoints recognised by those names
     */
    static LibraryEndpoints named(Set<String> servletNames) {
        return new LibraryEndpoints(servletNames);
    }

    /**
     * @param request a request the filter sees
     * @return whether the container maps it to one of the library's servlets
     */
    boolean serves(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping != null && servletNames.contains(mapping.getServletName());
    }
}
