package io.github.cieservlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieUrls;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.ConfigFixtures;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CieContextListenerTest {

    @TempDir
    Path dir;

    /** What the listener did to the context. */
    private static final class Recorded {
        final Map<String, Object> attributes = new HashMap<>();
        final Map<String, String> mappings = new LinkedHashMap<>();
        final Map<String, Object> cookie = new HashMap<>();
    }

    private static ServletContext context(Map<String, String> params, Recorded recorded) {
        SessionCookieConfig cookie = (SessionCookieConfig) Proxy.newProxyInstance(CieContextListenerTest.class.getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set")) {
                        recorded.cookie.put(method.getName(), args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (ServletContext) Proxy.newProxyInstance(CieContextListenerTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getInitParameterNames":
                            return Collections.enumeration(params.keySet());
                        case "getInitParameter":
                            return params.get((String) args[0]);
                        case "getClassLoader":
                            return CieContextListenerTest.class.getClassLoader();
                        case "setAttribute":
                            recorded.attributes.put((String) args[0], args[1]);
                            return null;
                        case "getAttribute":
                            return recorded.attributes.get((String) args[0]);
                        case "getSessionCookieConfig":
                            return cookie;
                        case "addServlet":
                            String name = (String) args[0];
                            return registration(name, recorded);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static ServletRegistration.Dynamic registration(String name, Recorded recorded) {
        return (ServletRegistration.Dynamic) Proxy.newProxyInstance(CieContextListenerTest.class.getClassLoader(),
                new Class<?>[] {ServletRegistration.Dynamic.class}, (proxy, method, args) -> {
                    if ("addMapping".equals(method.getName())) {
                        recorded.mappings.put(name, ((String[]) args[0])[0]);
                        return Collections.emptySet();
                    }
                    if ("setLoadOnStartup".equals(method.getName())) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private Recorded start(Map<String, String> params) {
        Recorded recorded = new Recorded();
        ServletContext context = context(params, recorded);
        new CieContextListener().contextInitialized(new ServletContextEvent(context));
        return recorded;
    }

    @Test
    void startsPublishesAndRegistersTheEndpoints() {
        Recorded recorded = start(ConfigFixtures.validPublic(dir));
        assertThat(recorded.attributes.get(CieServiceProvider.CONTEXT_ATTRIBUTE)).isInstanceOf(CieServiceProvider.class);
        assertThat(((CieUrls) recorded.attributes.get(CieUrls.CONTEXT_ATTRIBUTE)).logoutPath()).isEqualTo("/cie/logout");
        assertThat(recorded.mappings).containsExactly(Map.entry("cie-login", "/cie/login"), Map.entry("cie-acs", "/cie/acs"),
                Map.entry("cie-metadata", "/cie/metadata"), Map.entry("cie-logout", "/cie/logout"),
                Map.entry("cie-slo", "/cie/slo"));
        assertThat(recorded.cookie).containsEntry("setHttpOnly", true).containsEntry("setSecure", true);
    }

    @Test
    void aProtocolWhoseJarIsMissingStopsTheStartNamingTheParamAndTheJar() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.protocol", "oidc");
        assertThatThrownBy(() -> start(params)).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.protocol").hasMessageContaining("io.github.cieservlet:cie-oidc");
    }

    @Test
    void samlIsTheDefaultProtocolAndRegistersNoProtocolEndpoint() {
        Recorded recorded = start(ConfigFixtures.validPublic(dir));
        assertThat(((CieServiceProvider) recorded.attributes.get(CieServiceProvider.CONTEXT_ATTRIBUTE)).protocol()).isEmpty();
        assertThat(recorded.mappings).doesNotContainKeys("cie-protocol-callback", "cie-protocol-documents");
    }

    @Test
    void endpointsFollowThePathPrefix() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.pathPrefix", "/accesso/cie");
        assertThat(start(params).mappings).containsEntry("cie-acs", "/accesso/cie/acs").hasSize(5);
    }

    @Test
    void integratorCanTurnServletRegistrationOff() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.registerServlets", "false");
        Recorded recorded = start(params);
        assertThat(recorded.mappings).isEmpty();
        assertThat(recorded.attributes).containsKey(CieServiceProvider.CONTEXT_ATTRIBUTE);
    }

    @Test
    void badConfigurationStopsTheDeploymentAndPublishesNothing() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.remove("cie.entityId");
        Recorded recorded = new Recorded();
        ServletContext context = context(params, recorded);
        assertThatThrownBy(() -> new CieContextListener().contextInitialized(new ServletContextEvent(context)))
                .isInstanceOf(CieConfigException.class).hasMessageContaining("cie.entityId: is missing");
        assertThat(recorded.attributes).isEmpty();
        assertThat(recorded.mappings).isEmpty();
    }

    @Test
    void filterAndServletsExplainAMissingStartup() {
        Recorded recorded = new Recorded();
        assertThatThrownBy(() -> CieServiceProvider.from(context(Map.of(), recorded)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("web-fragment.xml");
    }
}
