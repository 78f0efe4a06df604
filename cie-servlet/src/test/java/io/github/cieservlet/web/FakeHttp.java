package io.github.cieservlet.web;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.MappingMatch;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Servlet API objects for the web layer's unit tests, without a container: a request whose every part the test
 * sets (method, mapped path, parameters, form body, cookies, session), a response that records status, headers
 * and body, and the context the library's servlets and filter read the service provider from. A method the code
 * under test calls that the fake does not know fails the test, naming it.
 */
final class FakeHttp {

    /** The application's context path. */
    static final String CONTEXT_PATH = "/servizi";

    private FakeHttp() {
    }

    private static <T> T fake(Class<T> type, BiFunction<String, Object[], Object> handler) {
        return type.cast(Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        switch (method.getName()) {
                            case "equals":
                                return proxy == args[0];
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            default:
                                return type.getSimpleName() + " fake";
                        }
                    }
                    return handler.apply(method.getName(), args == null ? new Object[0] : args);
                }));
    }

    private static AssertionError unexpected(String type, String method) {
        return new AssertionError("the fake " + type + " does not know " + method);
    }

    /** The name the fake context registers the library's ACS servlet under. */
    static final String ACS_SERVLET_NAME = "cie-acs";

    /**
     * @param attributes the context's attributes (the service provider, the URLs)
     * @return a context holding them, with the library's ACS servlet registered as {@value #ACS_SERVLET_NAME}
     */
    static ServletContext context(Map<String, Object> attributes) {
        Map<String, Object> held = new HashMap<>(attributes);
        ServletRegistration acs = fake(ServletRegistration.class, (name, args) -> {
            if ("getClassName".equals(name)) {
                return AssertionConsumerServlet.class.getName();
            }
            throw unexpected("ServletRegistration", name);
        });
        return fake(ServletContext.class, (name, args) -> {
            switch (name) {
                case "getAttribute":
                    return held.get((String) args[0]);
                case "getServletRegistrations":
                    return Map.of(ACS_SERVLET_NAME, acs);
                case "getContextPath":
                    return CONTEXT_PATH;
                case "log":
                    return null;
                default:
                    throw unexpected("ServletContext", name);
            }
        });
    }

    /** @param context the context @return a servlet config of it, without init-params */
    static ServletConfig servletConfig(ServletContext context) {
        return fake(ServletConfig.class, (name, args) -> {
            switch (name) {
                case "getServletContext":
                    return context;
                case "getServletName":
                    return "servlet";
                case "getInitParameter":
                    return null;
                case "getInitParameterNames":
                    return Collections.emptyEnumeration();
                default:
                    throw unexpected("ServletConfig", name);
            }
        });
    }

    /** @param context the context @return a filter config of it */
    static FilterConfig filterConfig(ServletContext context) {
        return fake(FilterConfig.class, (name, args) -> {
            if ("getServletContext".equals(name)) {
                return context;
            }
            throw unexpected("FilterConfig", name);
        });
    }

    /** A session: attributes, an id that {@link Request#changeSessionId} renews. */
    static final class Session {
        final Map<String, Object> attributes = new HashMap<>();
        String id = "session-1";
        private final HttpSession proxy = fake(HttpSession.class, (name, args) -> {
            switch (name) {
                case "getAttribute":
                    return attributes.get((String) args[0]);
                case "setAttribute":
                    attributes.put((String) args[0], args[1]);
                    return null;
                case "removeAttribute":
                    attributes.remove((String) args[0]);
                    return null;
                case "getId":
                    return id;
                default:
                    throw unexpected("HttpSession", name);
            }
        });

        HttpSession proxy() {
            return proxy;
        }
    }

    /** A request; every field is what the container would report. */
    static final class Request {
        String method = "GET";
        String servletPath = "";
        String pathInfo;
        String query;
        String servletName = "application";
        final Map<String, List<String>> parameters = new LinkedHashMap<>();
        final List<Cookie> cookies = new ArrayList<>();
        final Map<String, String> headers = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        String contentType;
        byte[] body = new byte[0];
        Session session;
        int sessionIdChanges;
        /** When set, reading the cookies throws it (a container failing under the library). */
        RuntimeException failure;
        private final HttpServletRequest proxy = fake(HttpServletRequest.class, this::handle);

        HttpServletRequest proxy() {
            return proxy;
        }

        /** @return this request, with a form-encoded POST body (the ACS reads the body itself) */
        Request form(String body) {
            method = "POST";
            contentType = "application/x-www-form-urlencoded";
            this.body = body.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            return this;
        }

        /** @return this request, with a query parameter as the container decoded it */
        Request parameter(String name, String value) {
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        /** @return this request, carrying the cookie */
        Request cookie(String name, String value) {
            cookies.add(new Cookie(name, value));
            return this;
        }

        private Object handle(String name, Object[] args) {
            switch (name) {
                case "getMethod":
                    return method;
                case "getServletPath":
                    return servletPath;
                case "getPathInfo":
                    return pathInfo;
                case "getQueryString":
                    return query;
                case "getContextPath":
                    return CONTEXT_PATH;
                case "getProtocol":
                    return "HTTP/1.1";
                case "getParameter": {
                    List<String> values = parameters.get((String) args[0]);
                    return values == null ? null : values.get(0);
                }
                case "getParameterMap":
                    return parameters.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> e.getValue().toArray(new String[0])));
                case "getCookies":
                    if (failure != null) {
                        throw failure;
                    }
                    return cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
                case "getHeader":
                    return headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                case "getLocales":
                    return Collections.enumeration(List.of(Locale.getDefault()));
                case "getAttribute":
                    return attributes.get((String) args[0]);
                case "setAttribute":
                    attributes.put((String) args[0], args[1]);
                    return null;
                case "getContentType":
                    return contentType;
                case "getContentLengthLong":
                    return (long) body.length;
                case "getContentLength":
                    return body.length;
                case "getInputStream":
                    return input(body);
                case "getSession":
                    if (session == null && (args.length == 0 || (Boolean) args[0])) {
                        session = new Session();
                    }
                    return session == null ? null : session.proxy();
                case "changeSessionId":
                    if (session == null) {
                        throw new IllegalStateException("no session");
                    }
                    sessionIdChanges++;
                    session.id = "session-" + (sessionIdChanges + 1);
                    return session.id;
                case "getHttpServletMapping":
                    return mapping(servletName);
                default:
                    throw unexpected("HttpServletRequest", name);
            }
        }
    }

    private static HttpServletMapping mapping(String servletName) {
        return fake(HttpServletMapping.class, (name, args) -> {
            switch (name) {
                case "getServletName":
                    return servletName;
                case "getMappingMatch":
                    return MappingMatch.PATH;
                case "getMatchValue":
                case "getPattern":
                    return "";
                default:
                    throw unexpected("HttpServletMapping", name);
            }
        });
    }

    private static ServletInputStream input(byte[] body) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A response that records what the code under test set. */
    static final class Response {
        int status = HttpServletResponse.SC_OK;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final StringWriter body = new StringWriter();
        String contentType;
        boolean committed;
        private final PrintWriter writer = new PrintWriter(body);
        private final HttpServletResponse proxy = fake(HttpServletResponse.class, this::handle);

        HttpServletResponse proxy() {
            return proxy;
        }

        /** @return the last value of the header, or null */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(values.size() - 1);
        }

        /** @return every Set-Cookie header, in order */
        List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }

        /** @return the body written so far */
        String body() {
            writer.flush();
            return body.toString();
        }

        private Object handle(String name, Object[] args) {
            switch (name) {
                case "setStatus":
                    status = (Integer) args[0];
                    return null;
                case "sendError":
                    status = (Integer) args[0];
                    committed = true;
                    return null;
                case "getStatus":
                    return status;
                case "setHeader":
                    headers.put(((String) args[0]).toLowerCase(Locale.ROOT), new ArrayList<>(List.of((String) args[1])));
                    return null;
                case "addHeader":
                    headers.computeIfAbsent(((String) args[0]).toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                            .add((String) args[1]);
                    return null;
                case "getHeader":
                    return header((String) args[0]);
                case "setContentType":
                    contentType = (String) args[0];
                    return null;
                case "setCharacterEncoding":
                    return null;
                case "getWriter":
                    return writer;
                case "isCommitted":
                    return committed;
                case "resetBuffer":
                    writer.flush();
                    body.getBuffer().setLength(0);
                    return null;
                case "flushBuffer":
                    writer.flush();
                    committed = true;
                    return null;
                default:
                    throw unexpected("HttpServletResponse", name);
            }
        }
    }
}
