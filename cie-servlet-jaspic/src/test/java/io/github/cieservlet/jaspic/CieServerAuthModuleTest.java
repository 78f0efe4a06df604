package io.github.cieservlet.jaspic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.bootstrap.DeclaredSecurity;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import org.junit.jupiter.api.Test;

class CieServerAuthModuleTest {

    private static final String FORM_WEB_XML = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
            + "<security-constraint><web-resource-collection><url-pattern>/operatori/*</url-pattern>"
            + "</web-resource-collection><auth-constraint><role-name>operatore</role-name></auth-constraint>"
            + "</security-constraint><login-config><auth-method>FORM</auth-method><form-login-config>"
            + "<form-login-page>/login.jsp</form-login-page><form-error-page>/error.jsp</form-error-page>"
            + "</form-login-config></login-config></web-app>";

    private final Map<String, Object> session = new HashMap<>();
    private final Map<String, Object> requestAttributes = new HashMap<>();
    private final Map<String, String> responseHeaders = new HashMap<>();
    private final List<String> forwards = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private final AtomicInteger roleReads = new AtomicInteger();
    private String method = "GET";
    private String path = "/operatori/index.jsp";
    /** The path info the container mapped, after {@link #path} (the servlet path). */
    private String pathInfo;
    /** The URI as the browser sent it; when null, the same as the mapped path. */
    private String rawUri;
    private final Map<String, String> parameters = new HashMap<>();

    private CieServerAuthModule module(List<CieRoleSource> sources) throws Exception {
        CieServerAuthModule module = new CieServerAuthModule(stub(ServletContext.class, (name, args) -> null),
                "cittadino", sources, DeclaredSecurity.parse(FORM_WEB_XML.getBytes(StandardCharsets.UTF_8)));
        module.initialize(null, null, handled -> {
            for (Callback callback : handled) {
                callbacks.add(callback);
                if (callback instanceof PasswordValidationCallback) {
                    PasswordValidationCallback check = (PasswordValidationCallback) callback;
                    boolean right = "segreto".equals(new String(check.getPassword()));
                    check.setResult(right);
                    if (right) {
                        // as Tomcat does: the realm's principal among the private credentials
                        check.getSubject().getPrivateCredentials().add(new RealmPrincipal(check.getUsername()));
                    }
                }
            }
        }, Map.of());
        return module;
    }

    private CieRoleSource admins() {
        return citizen -> {
            roleReads.incrementAndGet();
            return "RSSMRA80A01H501U".equals(citizen.getFiscalCode()) ? Set.of("admin") : Set.of();
        };
    }

    private AuthStatus validate(CieServerAuthModule module, boolean mandatory) throws Exception {
        HttpSession httpSession = stub(HttpSession.class, (name, args) -> {
            switch (name) {
                case "getAttribute": return session.get((String) args[0]);
                case "setAttribute": session.put((String) args[0], args[1]); return null;
                case "removeAttribute": session.remove((String) args[0]); return null;
                default: return null;
            }
        });
        HttpServletRequest request = stub(HttpServletRequest.class, (name, args) -> {
            switch (name) {
                case "getMethod": return method;
                case "getServletPath": return path;
                case "getPathInfo": return pathInfo;
                case "getRequestURI": return rawUri == null ? path : rawUri;
                case "getContextPath": return "";
                case "getParameter": return parameters.get((String) args[0]);
                case "getAttribute": return requestAttributes.get((String) args[0]);
                case "setAttribute": requestAttributes.put((String) args[0], args[1]); return null;
                case "getSession": return args == null || (Boolean) args[0] || !session.isEmpty() ? httpSession : null;
                case "changeSessionId": return "new";
                case "getRequestDispatcher":
                    return stub(RequestDispatcher.class, (n, a) -> {
                        forwards.add((String) args[0]);
                        return null;
                    });
                default: return null;
            }
        });
        HttpServletResponse response = stub(HttpServletResponse.class, (name, args) -> {
            if ("setHeader".equals(name)) {
                responseHeaders.put((String) args[0], (String) args[1]);
            } else if ("sendRedirect".equals(name)) {
                responseHeaders.put("Location", (String) args[0]);
            }
            return null;
        });
        Map<String, Object> map = new HashMap<>();
        if (mandatory) {
            map.put(MessagePolicy.class.getName() + ".isMandatory", "true");
        }
        MessageInfo info = stub(MessageInfo.class, (name, args) -> {
            switch (name) {
                case "getRequestMessage": return request;
                case "getResponseMessage": return response;
                case "getMap": return map;
                default: return null;
            }
        });
        return module.validateRequest(info, new Subject(), new Subject());
    }

    @Test
    void aCieCitizenIsTheCallerWithTheBaseRoleAndTheRolesOfTheSourcesReadOncePerLogin() throws Exception {
        session.put(CieIdentity.SESSION_ATTRIBUTE, SqlRoleSourceTest.citizen("RSSMRA80A01H501U"));
        CieServerAuthModule module = module(List.of(admins()));
        assertThat(validate(module, true)).isEqualTo(AuthStatus.SUCCESS);
        assertThat(((CallerPrincipalCallback) callbacks.get(0)).getName()).isEqualTo("RSSMRA80A01H501U");
        assertThat(((GroupPrincipalCallback) callbacks.get(1)).getGroups()).containsExactlyInAnyOrder("cittadino", "admin");
        assertThat(validate(module, true)).isEqualTo(AuthStatus.SUCCESS);
        assertThat(roleReads.get()).isOne();
    }

    @Test
    void aFailingRoleSourceLeavesTheBaseRole() throws Exception {
        session.put(CieIdentity.SESSION_ATTRIBUTE, SqlRoleSourceTest.citizen("RSSMRA80A01H501U"));
        CieRoleSource broken = citizen -> {
            throw new IllegalStateException("database down");
        };
        assertThat(validate(module(List.of(broken)), true)).isEqualTo(AuthStatus.SUCCESS);
        assertThat(((GroupPrincipalCallback) callbacks.get(1)).getGroups()).containsExactly("cittadino");
    }

    @Test
    void anAnonymousRequestForAPublicPagePassesWithNoCaller() throws Exception {
        assertThat(validate(module(List.of()), false)).isEqualTo(AuthStatus.SUCCESS);
        assertThat(callbacks).isEmpty();
        assertThat(forwards).isEmpty();
    }

    @Test
    void anAnonymousRequestForAProtectedPageGetsTheFormLoginPageWithThePageRemembered() throws Exception {
        path = "/operatori/pratiche";
        assertThat(validate(module(List.of()), true)).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(forwards).containsExactly("/login.jsp");
        assertThat(requestAttributes).containsEntry(CieServerAuthModule.SAVED_TARGET_ATTRIBUTE, "/operatori/pratiche");
        assertThat(responseHeaders).containsEntry("Cache-Control", "no-store");
        assertThat(callbacks).isEmpty();
    }

    @Test
    void aPageThatWouldLeaveThePortalIsNotRemembered() throws Exception {
        path = "//evil.example/x";
        assertThat(validate(module(List.of()), true)).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(requestAttributes).containsEntry(CieServerAuthModule.SAVED_TARGET_ATTRIBUTE, "/");
    }

    @Test
    void thePasswordFormIsCheckedByTheContainersRealmAndReturnsToTheRememberedPage() throws Exception {
        CieServerAuthModule module = module(List.of());
        path = "/operatori/pratiche";
        validate(module, true);
        method = "POST";
        path = "/operatori/j_security_check";
        parameters.put("j_username", "operatore1");
        parameters.put("j_password", "segreto");
        assertThat(validate(module, true)).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(responseHeaders).containsEntry("Location", "/operatori/pratiche");

        callbacks.clear();
        method = "GET";
        assertThat(validate(module, true)).isEqualTo(AuthStatus.SUCCESS);
        assertThat(((CallerPrincipalCallback) callbacks.get(0)).getName()).isEqualTo("operatore1");
        assertThat(((GroupPrincipalCallback) callbacks.get(1)).getGroups()).containsExactly("operatore");
    }

    @Test
    void aWrongPasswordShowsTheFormErrorPageAndLogsNobodyIn() throws Exception {
        CieServerAuthModule module = module(List.of());
        method = "POST";
        path = "/operatori/j_security_check";
        parameters.put("j_username", "operatore1");
        parameters.put("j_password", "sbagliata");
        assertThat(validate(module, true)).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(forwards).containsExactly("/error.jsp");
        method = "GET";
        path = "/operatori/";
        callbacks.clear();
        assertThat(validate(module, true)).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(callbacks).isEmpty();
    }

    /** Posts the wrong password to the mapped path; @return whether the module took it for the password form. */
    private boolean takenForThePasswordForm(String servletPath, String mappedPathInfo, String raw) throws Exception {
        CieServerAuthModule module = module(List.of());
        forwards.clear();
        callbacks.clear();
        method = "POST";
        path = servletPath;
        pathInfo = mappedPathInfo;
        rawUri = raw;
        parameters.put("j_username", "operatore1");
        parameters.put("j_password", "sbagliata");
        assertThat(validate(module, true)).isEqualTo(AuthStatus.SEND_CONTINUE);
        boolean checked = callbacks.stream().anyMatch(PasswordValidationCallback.class::isInstance);
        assertThat(forwards).containsExactly(checked ? "/error.jsp" : "/login.jsp");
        return checked;
    }

    /** The form action is recognised on the path the container maps, whatever the raw URI looked like. */
    @Test
    void thePasswordFormIsRecognisedOnTheMappedPathWhateverTheRawUri() throws Exception {
        assertThat(takenForThePasswordForm("/operatori/j_security_check", null, "/operatori/j_security_check;jsessionid=A1B2"))
                .as(";jsessionid").isTrue();
        assertThat(takenForThePasswordForm("/operatori/j_security_check", null, "/operatori/%6a_security_chec%6B"))
                .as("percent-encoded").isTrue();
        assertThat(takenForThePasswordForm("/operatori/j_security_check", null, "//operatori//j_security_check"))
                .as("double slashes").isTrue();
        assertThat(takenForThePasswordForm("/j_security_check", null, "/operatori/%2e%2e/j_security_check"))
                .as("dot segment").isTrue();
        assertThat(takenForThePasswordForm("/operatori", "/j_security_check", "/operatori/j_security_check"))
                .as("as path info of a servlet mapped to /operatori/*").isTrue();
    }

    @Test
    void aPathThatOnlyEndsLikeTheFormActionIsNotThePasswordForm() throws Exception {
        assertThat(takenForThePasswordForm("/operatori/J_SECURITY_CHECK", null, null)).as("case").isFalse();
        assertThat(takenForThePasswordForm("/operatori/xj_security_check", null, null)).as("part of a segment").isFalse();
        assertThat(takenForThePasswordForm("/operatori/j_security_check/x", null, null)).as("not the last segment")
                .isFalse();
        assertThat(takenForThePasswordForm("/operatori/pratiche", null, "/operatori/pratiche;/j_security_check"))
                .as("raw URI ending like it, mapped elsewhere").isFalse();
    }

    @Test
    void thePageRememberedFollowsTheLoginEndpointsTargetPolicy() throws Exception {
        CieServerAuthModule module = module(List.of());
        for (String unsafe : new String[] {"/a\\b", "/a\u007fb", "/\\evil.example", "/" + "a".repeat(2048)}) {
            requestAttributes.clear();
            path = unsafe;
            assertThat(validate(module, true)).isEqualTo(AuthStatus.SEND_CONTINUE);
            assertThat(requestAttributes).as(unsafe).containsEntry(CieServerAuthModule.SAVED_TARGET_ATTRIBUTE, "/");
        }
        requestAttributes.clear();
        path = "/operatori/pratica-\u00e8";
        validate(module, true);
        assertThat(requestAttributes).containsEntry(CieServerAuthModule.SAVED_TARGET_ATTRIBUTE, "/operatori/pratica-\u00e8");
    }

    /** A realm's principal, as Tomcat's GenericPrincipal: its roles through getRoles(). */
    public static final class RealmPrincipal implements Principal {
        private final String name;

        RealmPrincipal(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        /** @return the realm's roles */
        public String[] getRoles() {
            return new String[] {"operatore"};
        }
    }

    private interface Handler {
        Object call(String method, Object[] args) throws Exception;
    }

    private static <T> T stub(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return "equals".equals(method.getName()) ? proxy == args[0] : "hashCode".equals(method.getName())
                        ? System.identityHashCode(proxy) : type.getSimpleName();
            }
            Object result = handler.call(method.getName(), args);
            if (result == null && method.getReturnType() == boolean.class) {
                return false;
            }
            return result;
        }));
    }
}
