package io.github.cieservlet.taglib;

import jakarta.el.ELContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.jsp.JspWriter;
import jakarta.servlet.jsp.PageContext;
import java.util.Enumeration;

/** A PageContext that gives the tags a request, a servlet context and a writer, and nothing else. */
@SuppressWarnings("deprecation")
final class TestPageContext extends PageContext {

    private final ServletRequest request;
    private final ServletContext servletContext;
    private final JspWriter out;

    TestPageContext(ServletRequest request, ServletContext servletContext, JspWriter out) {
        this.request = request;
        this.servletContext = servletContext;
        this.out = out;
    }

    @Override
    public ServletRequest getRequest() {
        return request;
    }

    @Override
    public ServletContext getServletContext() {
        return servletContext;
    }

    @Override
    public JspWriter getOut() {
        return out;
    }

    @Override
    public void initialize(Servlet servlet, ServletRequest req, ServletResponse res, String errorPageURL,
            boolean needsSession, int bufferSize, boolean autoFlush) {
        throw unused();
    }

    @Override
    public void release() {
        throw unused();
    }

    @Override
    public HttpSession getSession() {
        throw unused();
    }

    @Override
    public Object getPage() {
        throw unused();
    }

    @Override
    public ServletResponse getResponse() {
        throw unused();
    }

    @Override
    public Exception getException() {
        throw unused();
    }

    @Override
    public ServletConfig getServletConfig() {
        throw unused();
    }

    @Override
    public void forward(String relativeUrlPath) {
        throw unused();
    }

    @Override
    public void include(String relativeUrlPath) {
        throw unused();
    }

    @Override
    public void include(String relativeUrlPath, boolean flush) {
        throw unused();
    }

    @Override
    public void handlePageException(Exception e) {
        throw unused();
    }

    @Override
    public void handlePageException(Throwable t) {
        throw unused();
    }

    @Override
    public void setAttribute(String name, Object value) {
        throw unused();
    }

    @Override
    public void setAttribute(String name, Object value, int scope) {
        throw unused();
    }

    @Override
    public Object getAttribute(String name) {
        throw unused();
    }

    @Override
    public Object getAttribute(String name, int scope) {
        throw unused();
    }

    @Override
    public Object findAttribute(String name) {
        throw unused();
    }

    @Override
    public void removeAttribute(String name) {
        throw unused();
    }

    @Override
    public void removeAttribute(String name, int scope) {
        throw unused();
    }

    @Override
    public int getAttributesScope(String name) {
        throw unused();
    }

    @Override
    public Enumeration<String> getAttributeNamesInScope(int scope) {
        throw unused();
    }

    @Override
    public jakarta.servlet.jsp.el.ExpressionEvaluator getExpressionEvaluator() {
        throw unused();
    }

    @Override
    public jakarta.servlet.jsp.el.VariableResolver getVariableResolver() {
        throw unused();
    }

    @Override
    public ELContext getELContext() {
        throw unused();
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by the tags");
    }
}
