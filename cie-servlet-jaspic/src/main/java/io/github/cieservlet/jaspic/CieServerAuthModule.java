package io.github.cieservlet.jaspic;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieUrls;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.bootstrap.DeclaredSecurity;
import io.github.cieservlet.logging.Causes;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.web.TargetUrlPolicy;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The CIE login as the container's own authentication (Jakarta Authentication, Servlet profile):
 * <ul>
 * <li>a citizen logged in with CIE (the session of the library's ACS) is the caller, named by the fiscal code,
 * with {@code cie.baseRole} and the roles of the {@link CieRoleSource}s as groups: {@code SUCCESS};</li>
 * <li>a user who logged in with the application's own username/password form ({@code j_security_check}, checked
 * by the container's realm through {@link PasswordValidationCallback}) stays logged in for the session;</li>
 * <li>an anonymous request for a protected page: the page is remembered, then the {@code <form-login-page>} is
 * shown (its {@code <cie:button/>} offers CIE), or without FORM login the browser goes straight to the CIE login,
 * which returns to the page: {@code SEND_CONTINUE};</li>
 * <li>an anonymous request for a public page: {@code SUCCESS} with no caller.</li>
 * </ul>
 */
public final class CieServerAuthModule implements ServerAuthModule {

    /** Request attribute with the page the container was asked for, while the login page is shown. */
    public static final String SAVED_TARGET_ATTRIBUTE = CieUrls.class.getName() + ".savedTarget";

    private static final Log LOG = Log.of(CieServerAuthModule.class);
    private static final String ROLES_SESSION_ATTRIBUTE = CieServerAuthModule.class.getName() + ".roles";
    private static final String FORM_USER_SESSION_ATTRIBUTE = CieServerAuthModule.class.getName() + ".formUser";
    private static final String FORM_TARGET_SESSION_ATTRIBUTE = CieServerAuthModule.class.getName() + ".formTarget";
    private static final String IS_MANDATORY = MessagePolicy.class.getName() + ".isMandatory";
    /** The last path segment the password form posts to (Servlet specification, form login). */
    static final String FORM_ACTION = "j_security_check";

    private final ServletContext context;
    private final String baseRole;
    private final List<CieRoleSource> roleSources;
    private final DeclaredSecurity declared;
    private CallbackHandler handler;

    /**
     * @param context the web application
     * @param baseRole the role of every CIE citizen
     * @param roleSources where extra roles come from
     * @param declared web.xml's FORM login pages
     */
    public CieServerAuthModule(ServletContext context, String baseRole, List<CieRoleSource> roleSources,
            DeclaredSecurity declared) {
        this.context = context;
        this.baseRole = baseRole;
        this.roleSources = List.copyOf(roleSources);
        this.declared = declared;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo messageInfo, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) messageInfo.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) messageInfo.getResponseMessage();
        try {
            CieIdentity citizen = CieIdentity.from(request);
            if (citizen != null) {
                Set<String> roles = roles(request.getSession(), citizen);
                handle(new CallerPrincipalCallback(client, citizen.getUserId()),
                        new GroupPrincipalCallback(client, roles.toArray(new String[0])));
                return AuthStatus.SUCCESS;
            }
            HttpSession session = request.getSession(false);
            Object formUser = session == null ? null : session.getAttribute(FORM_USER_SESSION_ATTRIBUTE);
            if (formUser instanceof Caller) {
                Caller user = (Caller) formUser;
                handle(new CallerPrincipalCallback(client, user.name),
                        new GroupPrincipalCallback(client, user.roles.toArray(new String[0])));
                return AuthStatus.SUCCESS;
            }
            if (declared.formLoginPage().isPresent() && "POST".equals(request.getMethod()) && isFormAction(request)) {
                return passwordLogin(request, response, client);
            }
            if (!Boolean.parseBoolean(String.valueOf(messageInfo.getMap().get(IS_MANDATORY)))) {
                return AuthStatus.SUCCESS;
            }
            return askToLogIn(request, response);
        } catch (IOException | ServletException | UnsupportedCallbackException e) {
            LOG.error("CIE container login failed: {}", Causes.describe(e), e);
            AuthException failure = new AuthException(e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    private AuthStatus askToLogIn(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String target = pageAskedFor(request);
        if (declared.formLoginPage().isPresent()) {
            request.getSession().setAttribute(FORM_TARGET_SESSION_ATTRIBUTE, target);
            request.setAttribute(SAVED_TARGET_ATTRIBUTE, target);
            response.setHeader("Cache-Control", "no-store");
            request.getRequestDispatcher(declared.formLoginPage().get()).forward(request, response);
            return AuthStatus.SEND_CONTINUE;
        }
        CieServiceProvider provider = CieServiceProvider.from(context);
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(provider.settings().endpoints().absolute(CieUrls.from(context).loginPath(target)));
        return AuthStatus.SEND_CONTINUE;
    }

    /**
     * Whether the request is the password form's post, decided like every access decision of the library on the
     * path the container maps (servlet path plus path info: decoded, normalised, without path parameters), never
     * on the raw URI: {@code /j_security_check;jsessionid=...}, {@code //j_security_check} and encoded forms are
     * the form action when the container serves them as such, and only then. The last segment must be exactly
     * {@value #FORM_ACTION} (case-sensitive, as in the containers' own form authenticators), in any folder, so
     * that a login page in a subfolder posting to the relative {@code j_security_check} works.
     */
    static boolean isFormAction(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.endsWith("/" + FORM_ACTION);
    }

    /**
     * The page as the browser asked for it (the request URI under the context path, with the query of a GET),
     * before any welcome-file mapping; {@code /} when {@link TargetUrlPolicy} would not accept it as a target (the
     * same rule as the login endpoint's).
     */
    private static String pageAskedFor(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        String path = uri != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : "/";
        String query = request.getQueryString();
        String target = "GET".equals(request.getMethod()) && query != null ? path + "?" + query : path;
        return TargetUrlPolicy.check(target).orElse("/");
    }

    private AuthStatus passwordLogin(HttpServletRequest request, HttpServletResponse response, Subject client)
            throws IOException, ServletException, UnsupportedCallbackException {
        String username = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        if (username != null && password != null) {
            PasswordValidationCallback check = new PasswordValidationCallback(client, username, password.toCharArray());
            handle(check);
            check.clearPassword();
            if (check.getResult()) {
                Set<String> roles = new LinkedHashSet<>(rolesOfRealmPrincipal(client));
                HttpSession session = request.getSession();
                Object target = session.getAttribute(FORM_TARGET_SESSION_ATTRIBUTE);
                request.changeSessionId();
                session.removeAttribute(FORM_TARGET_SESSION_ATTRIBUTE);
                session.setAttribute(FORM_USER_SESSION_ATTRIBUTE, new Caller(username, roles));
                response.sendRedirect(request.getContextPath() + (target == null ? "/" : target));
                return AuthStatus.SEND_CONTINUE;
            }
        }
        LOG.warn("CIE container login: username/password refused for '{}'", username);
        String errorPage = declared.formErrorPage().orElse(declared.formLoginPage().get());
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher(errorPage).forward(request, response);
        return AuthStatus.SEND_CONTINUE;
    }

    /**
     * The roles the realm gave the user: the container leaves its principal, with {@code getRoles()}, in the
     * subject (Tomcat: among the private credentials, as a GenericPrincipal).
     */
    private static List<String> rolesOfRealmPrincipal(Subject client) {
        List<Object> candidates = new ArrayList<>(client.getPrincipals());
        candidates.addAll(client.getPrivateCredentials());
        List<String> roles = new ArrayList<>();
        for (Object candidate : candidates) {
            try {
                Object value = candidate.getClass().getMethod("getRoles").invoke(candidate);
                if (value instanceof String[]) {
                    roles.addAll(List.of((String[]) value));
                }
            } catch (ReflectiveOperationException | RuntimeException notARealmPrincipal) {
                // a principal or credential without roles
            }
        }
        return roles;
    }

    private Set<String> roles(HttpSession session, CieIdentity citizen) {
        Object cached = session.getAttribute(ROLES_SESSION_ATTRIBUTE);
        if (cached instanceof Caller && ((Caller) cached).name.equals(citizen.getUserId())) {
            return ((Caller) cached).roles;
        }
        Set<String> roles = new LinkedHashSet<>();
        roles.add(baseRole);
        for (CieRoleSource source : roleSources) {
            try {
                roles.addAll(source.rolesOf(citizen));
            } catch (Exception e) {
                LOG.warn("CIE container login: cannot read the roles of {} from {} ({}); only the base role {}",
                        citizen.getUserId(), source, Causes.describe(e), baseRole);
            }
        }
        LOG.info("CIE container login: {} has roles {}", citizen.getUserId(), roles);
        session.setAttribute(ROLES_SESSION_ATTRIBUTE, new Caller(citizen.getUserId(), roles));
        return roles;
    }

    private void handle(Callback... callbacks) throws IOException, UnsupportedCallbackException {
        handler.handle(callbacks);
    }

    @Override
    public AuthStatus secureResponse(MessageInfo messageInfo, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo messageInfo, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    /**
     * A caller kept in the session: a CIE citizen's roles (read once per login), or a user of the password form
     * with the realm's roles.
     */
    private static final class Caller implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final Set<String> roles;

        Caller(String name, Set<String> roles) {
            this.name = name;
            this.roles = Set.copyOf(roles);
        }
    }
}
