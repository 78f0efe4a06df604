package io.github.cieservlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.testing.TestCredentials;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CieContextListener} marks the session cookie Secure when the public URL is https (behind a TLS
 * reverse proxy the container itself sees plain http and would not), and HttpOnly always.
 */
class SessionCookieBehindProxyTest {

    @TempDir
    Path dir;

    @Test
    void httpsPublicUrlMakesTheSessionCookieSecureAndHttpOnly() throws Exception {
        Map<String, Object> cookie = start("preproduction", "https://portal.example");

        assertThat(cookie).containsEntry("setSecure", true).containsEntry("setHttpOnly", true);
    }

    @Test
    void plainHttpPublicUrlLeavesSecureToTheContainer() throws Exception {
        Map<String, Object> cookie = start("local", "http://127.0.0.1:8080");

        assertThat(cookie).doesNotContainKey("setSecure").containsEntry("setHttpOnly", true);
    }

    /** Runs the listener on a stub context; returns the SessionCookieConfig setter calls (name to argument). */
    private Map<String, Object> start(String environment, String publicBaseUrl) throws Exception {
        Path keystore = dir.resolve("sp.p12");
        Files.write(keystore, TestCredentials.pkcs12(TestCredentials.sp(), "sp", "secret".toCharArray()));
        Path idpMetadata = dir.resolve("idp-metadata.xml");
        Files.writeString(idpMetadata, "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>",
                StandardCharsets.UTF_8);
        Map<String, String> params = new HashMap<>();
        params.put("cie.environment", environment);
        params.put("cie.idpMetadata", "file:" + idpMetadata);
        params.put("cie.entityId", publicBaseUrl + "/cie");
        params.put("cie.publicBaseUrl", publicBaseUrl);
        params.put("cie.keystore", keystore.toString());
        params.put("cie.keystorePassword", "secret");
        params.put("cie.organizationName", "Comune di Esempio");
        params.put("cie.organizationDisplayName", "Comune di Esempio");
        params.put("cie.organizationUrl", "https://www.comune.example.it");
        params.put("cie.subjectType", "public");
        params.put("cie.ipaCode", "c_x999");
        params.put("cie.municipality", "X999");
        params.put("cie.contactEmail", "protocollo@comune.example.it");
        params.put("cie.registerServlets", "false");
        params.put("cie.protect", "none");

        Map<String, Object> cookieCalls = new HashMap<>();
        SessionCookieConfig cookie = stub(SessionCookieConfig.class, (name, args) -> {
            if (name.startsWith("set")) {
                cookieCalls.put(name, args[0]);
            }
            return null;
        });
        Map<String, Object> attributes = new HashMap<>();
        ClassLoader loader = getClass().getClassLoader();
        ServletContext context = stub(ServletContext.class, (name, args) -> {
            switch (name) {
                case "getInitParameterNames": return Collections.enumeration(params.keySet());
                case "getInitParameter": return params.get((String) args[0]);
                case "getClassLoader": return loader;
                case "getSessionCookieConfig": return cookie;
                case "getContextPath": return "";
                case "setAttribute": attributes.put((String) args[0], args[1]); return null;
                case "getAttribute": return attributes.get((String) args[0]);
                case "addServlet": return stub(ServletRegistration.Dynamic.class, (n, a) -> null);
                case "getFilterRegistrations": return Collections.emptyMap();
                default: return null;
            }
        });
        new CieContextListener().contextInitialized(new ServletContextEvent(context));
        assertThat(attributes).containsKey(CieServiceProvider.CONTEXT_ATTRIBUTE);
        return cookieCalls;
    }

    private interface Handler {
        Object call(String method, Object[] args);
    }

    private static <T> T stub(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : type.getName();
                    }
                    Object result = handler.call(method.getName(), args == null ? new Object[0] : args);
                    if (result == null && method.getReturnType() == boolean.class) {
                        return false;
                    }
                    if (result == null && method.getReturnType() == int.class) {
                        return 0;
                    }
                    return result;
                }));
    }
}
