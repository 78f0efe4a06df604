package io.github.cieservlet.benchmarks;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The least of a servlet container that the filter needs outside one: a context and a filter config that
 * hold attributes and init-params, a GET request with a path and a session, a response that records nothing.
 * The methods the filter calls on each request are plain methods here; any other method answers the interface's
 * neutral value (false, 0, an empty collection or null) through a {@link Proxy}, so a filter that starts using
 * one more method still runs here.
 */
final class MinimalServlet {

    private MinimalServlet() {
    }

    /** @param attributes the context attributes @param initParams the context init-params @return a context */
    static ServletContext context(Map<String, Object> attributes, Map<String, String> initParams) {
        return proxy(ServletContext.class, (name, args) -> {
            switch (name) {
                case "getAttribute": return attributes.get((String) args[0]);
                case "setAttribute": attributes.put((String) args[0], args[1]); return null;
                case "getInitParameter": return initParams.get((String) args[0]);
                case "getInitParameterNames": return Collections.enumeration(initParams.keySet());
                case "getAttributeNames": return Collections.enumeration(attributes.keySet());
                case "getContextPath": return "/portale";
                case "getClassLoader": return MinimalServlet.class.getClassLoader();
                default: return null;
            }
        });
    }

    /** @param context the context @return a filter config with no init-params */
    static FilterConfig filterConfig(ServletContext context) {
        return proxy(FilterConfig.class, (name, args) -> {
            switch (name) {
                case "getServletContext": return context;
                case "getFilterName": return "cie";
                case "getInitParameterNames": return Collections.emptyEnumeration();
                default: return null;
            }
        });
    }

    /** @return a response that records nothing */
    static HttpServletResponse response() {
        return proxy(HttpServletResponse.class, (name, args) -> null);
    }

    /** A session holding attributes. */
    static final class Session implements HttpSession {
        private final Map<String, Object> attributes = new HashMap<>();
        private final ServletContext context;

        Session(ServletContext context) {
            this.context = context;
        }

        @Override public long getCreationTime() { return 0; }
        @Override public String getId() { return "benchmark-session"; }
        @Override public long getLastAccessedTime() { return 0; }
        @Override public ServletContext getServletContext() { return context; }
        @Override public void setMaxInactiveInterval(int interval) { }
        @Override public int getMaxInactiveInterval() { return 1800; }
        @Override public Object getAttribute(String name) { return attributes.get(name); }
        @Override public Enumeration<String> getAttributeNames() { return Collections.enumeration(attributes.keySet()); }
        @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
        @Override public void removeAttribute(String name) { attributes.remove(name); }
        @Override public void invalidate() { attributes.clear(); }
        @Override public boolean isNew() { return false; }
    }

    /** A GET request for one path of the application, with a session and request attributes. */
    static final class Request extends HttpServletRequestWrapper {
        private final ServletContext context;
        private final String servletPath;
        private final HttpSession session;
        private final Map<String, Object> attributes = new HashMap<>(4);

        Request(ServletContext context, String servletPath, HttpSession session) {
            super(proxy(HttpServletRequest.class, (name, args) -> null));
            this.context = context;
            this.servletPath = servletPath;
            this.session = session;
        }

        /** Forgets the request attributes, as a new request would. */
        void reset() {
            attributes.clear();
        }

        @Override public String getMethod() { return "GET"; }
        @Override public String getContextPath() { return "/portale"; }
        @Override public String getServletPath() { return servletPath; }
        @Override public String getPathInfo() { return null; }
        @Override public String getRequestURI() { return "/portale" + servletPath; }
        @Override public String getQueryString() { return null; }
        @Override public String getScheme() { return "http"; }
        @Override public boolean isSecure() { return false; }
        @Override public ServletContext getServletContext() { return context; }
        @Override public HttpSession getSession(boolean create) { return session; }
        @Override public HttpSession getSession() { return session; }
        @Override public Object getAttribute(String name) { return attributes.get(name); }
        @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
        @Override public void removeAttribute(String name) { attributes.remove(name); }
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    /** @param type a return type @return false, 0, an empty collection, map or enumeration, or null */
    private static Object neutral(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        } else if (type == long.class) {
            return 0L;
        } else if (type == int.class) {
            return 0;
        } else if (type == Map.class) {
            return Map.of();
        } else if (type == Set.class) {
            return Set.of();
        } else if (type == Collection.class || type == List.class) {
            return List.of();
        } else if (type == Enumeration.class) {
            return Collections.emptyEnumeration();
        }
        return null;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(MinimalServlet.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Object value = answer.answer(method.getName(), args);
                    return value != null ? value : neutral(method.getReturnType());
                }));
    }
}
