package io.github.cieservlet.taglib;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieUrls;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.ProtectedPaths;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.jsp.JspContext;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import java.io.IOException;

/** What the tags need from the page that runs them: the HTTP request, cie-servlet's URLs and the output. */
final class PageRequest {

    private final PageContext page;
    private final HttpServletRequest request;

    private PageRequest(PageContext page, HttpServletRequest request) {
        this.page = page;
        this.request = request;
    }

    /**
     * @param context the context a tag was given
     * @return the page request
     * @throws JspException when the tag does not run in a JSP page serving an HTTP request
     */
    static PageRequest of(JspContext context) throws JspException {
        if (context instanceof PageContext) {
            ServletRequest request = ((PageContext) context).getRequest();
            if (request instanceof HttpServletRequest) {
                return new PageRequest((PageContext) context, (HttpServletRequest) request);
            }
        }
        throw new JspException("The cie tags work only in JSP pages that serve an HTTP request");
    }

    HttpServletRequest request() {
        return request;
    }

    /** @return the citizen logged in with CIE, or {@code null} */
    CieIdentity identity() {
        return CieIdentity.from(request);
    }

    /**
     * @param target the page to show after login, or {@code null} to let {@link LoginTargets#withoutTarget} choose
     * @return the login URL with the context path, not yet escaped for HTML
     * @throws JspException when the target is not an application-relative path, or cie-servlet is not running
     */
    String loginUrl(String target) throws JspException {
        return loginUrl(LoginScheme.CIE, null, target);
    }

    /**
     * @param scheme the scheme to log in with
     * @param idpEntityId for SPID, the entity ID of the identity provider; ignored otherwise
     * @param target the page to show after login, or {@code null} for the current page
     * @return the login URL with the context path, not yet escaped for HTML
     * @throws JspException when the target is not an application-relative path, or cie-servlet is not running
     */
    String loginUrl(LoginScheme scheme, String idpEntityId, String target) throws JspException {
        String checked = target == null ? LoginTargets.withoutTarget(request, protectedPaths())
                : LoginTargets.checked(target);
        return request.getContextPath() + urls().loginPath(scheme, idpEntityId, checked);
    }

    /**
     * @return the logout URL with the context path, not yet escaped for HTML
     * @throws JspException when cie-servlet is not running in this application
     */
    String logoutUrl() throws JspException {
        return request.getContextPath() + urls().logoutPath();
    }

    private ProtectedPaths protectedPaths() throws JspException {
        try {
            return ProtectedPaths.from(page.getServletContext());
        } catch (IllegalStateException e) {
            throw new JspException(e.getMessage(), e);
        }
    }

    /**
     * @return the URLs, schemes and SPID identity providers cie-servlet published
     * @throws JspException when cie-servlet is not running in this application
     */
    CieUrls urls() throws JspException {
        try {
            return CieUrls.from(page.getServletContext());
        } catch (IllegalStateException e) {
            throw new JspException(e.getMessage(), e);
        }
    }

    /** @param html markup to write as it is; the caller has escaped every value in it */
    void write(String html) throws IOException {
        page.getOut().write(html);
    }
}
