package io.github.cieservlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieUrls;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.SpidIdentityProvider;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.ConfigFixtures;
import io.github.cieservlet.saml.IdpMetadataXml;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.web.CieAuthenticationFilter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CieContextListenerTest {

    @TempDir
    Path dir;

    /** What the listener did to the context, and the filters web.xml declared (name to class and URL patterns). */
    private static final class Recorded {
        final Map<String, Object> attributes = new HashMap<>();
        final Map<String, String> mappings = new LinkedHashMap<>();
        final Map<String, Object> cookie = new HashMap<>();
        final Map<String, Map.Entry<String, List<String>>> filters = new LinkedHashMap<>();
        int servletRegistrations;
        String webXml;
        final List<Class<?>> listeners = new ArrayList<>();
    }

    private static FilterRegistration.Dynamic filter(String name, Recorded recorded) {
        return (FilterRegistration.Dynamic) Proxy.newProxyInstance(CieContextListenerTest.class.getClassLoader(),
                new Class<?>[] {FilterRegistration.Dynamic.class}, (proxy, method, args) -> {
                    Map.Entry<String, List<String>> filter = recorded.filters.get(name);
                    switch (method.getName()) {
                        case "getName":
                            return name;
                        case "getClassName":
                            return filter.getKey();
                        case "getUrlPatternMappings":
                            return filter.getValue();
                        case "getServletNameMappings":
                            return List.of();
                        case "addMappingForUrlPatterns":
                            filter.getValue().addAll(Arrays.asList((String[]) args[2]));
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static ServletContext context(Map<String, String> params, Recorded recorded) {
        return context(params, recorded, false);
    }

    private static ServletContext context(Map<String, String> params, Recorded recorded, boolean acceptsListeners) {
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
                        case "removeAttribute":
                            recorded.attributes.remove((String) args[0]);
                            return null;
                        case "getSessionCookieConfig":
                            return cookie;
                        case "addServlet":
                            String name = (String) args[0];
                            recorded.servletRegistrations++;
                            return registration(name, recorded);
                        case "addFilter":
                            recorded.filters.put((String) args[0],
                                    Map.entry(((Class<?>) args[1]).getName(), new ArrayList<>()));
                            return filter((String) args[0], recorded);
                        case "getFilterRegistrations":
                            Map<String, FilterRegistration> filters = new LinkedHashMap<>();
                            recorded.filters.keySet().forEach(filter -> filters.put(filter, filter(filter, recorded)));
                            return filters;
                        case "getContextPath":
                            return "/portale";
                        case "getResourceAsStream":
                            return recorded.webXml == null ? null
                                    : new java.io.ByteArrayInputStream(recorded.webXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        case "addListener":
                            if (!acceptsListeners) {
                                throw new UnsupportedOperationException(method.getName());
                            }
                            recorded.listeners.add((Class<?>) args[0]);
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static ServletRegistration.Dynamic registration(String name, Recorded recorded) {
        return (ServletRegistration.Dynamic) Proxy.newProxyInstance(CieContextListenerTest.class.getClassLoader(),
                new Class<?>[] {ServletRegistration.Dynamic.class}, (proxy, method, args) -> {
                    if ("addMapping".equals(method.getName())) {
                        recorded.mappings.put(name, String.join(" ", (String[]) args[0]));
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
        recorded.filters.put("cie", Map.entry(CieAuthenticationFilter.class.getName(), List.of("/area/*")));
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
    void withSpidOrEidasTheMetadataServletAlsoServesTheSpidMetadata() {
        for (String schemes : List.of("cie spid", "cie eidas")) {
            Map<String, String> params = ConfigFixtures.validPublic(dir);
            params.put("cie.schemes", schemes);
            assertThat(start(params).mappings).as(schemes).containsEntry("cie-metadata", "/cie/metadata /cie/metadata/spid");
        }
    }

    @Test
    void withSpidTheUrlsListTheSchemesAndTheSpidIdentityProviders() throws Exception {
        Path metadata = dir.resolve("spid-idp.xml");
        Files.writeString(metadata, IdpMetadataXml.entityDescriptor("https://id.example.it/spid",
                TestCredentials.idp().certificate(), TestCredentials.sp().certificate()));
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.schemes", "cie spid");
        params.put("cie.spid.idpMetadata", "file:" + metadata);
        CieUrls urls = (CieUrls) start(params).attributes.get(CieUrls.CONTEXT_ATTRIBUTE);
        assertThat(urls.schemes()).containsExactlyInAnyOrder(LoginScheme.CIE, LoginScheme.SPID);
        assertThat(urls.spidIdentityProviders()).extracting(SpidIdentityProvider::entityId)
                .containsExactly("https://id.example.it/spid");
        CieUrls cieOnly = (CieUrls) start(ConfigFixtures.validPublic(dir)).attributes.get(CieUrls.CONTEXT_ATTRIBUTE);
        assertThat(cieOnly.schemes()).containsExactly(LoginScheme.CIE);
        assertThat(cieOnly.spidIdentityProviders()).isEmpty();
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
        assertThat(recorded.attributes).containsOnlyKeys(StartupDiagnosis.FAILURE_ATTRIBUTE);
        assertThat(recorded.mappings).isEmpty();
    }

    @Test
    void filterAndServletsExplainAMissingStartup() {
        Recorded recorded = new Recorded();
        assertThatThrownBy(() -> CieServiceProvider.from(context(Map.of(), recorded)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CieInitializer.class.getName() + " did not run")
                .hasMessageContaining("<absolute-ordering>");
    }

    @Test
    void theFilterOfAFailedStartupNamesThatFailure() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.remove("cie.entityId");
        Recorded recorded = new Recorded();
        ServletContext context = context(params, recorded);
        assertThatThrownBy(() -> new CieContextListener().contextInitialized(new ServletContextEvent(context)))
                .isInstanceOf(CieConfigException.class);
        assertThatThrownBy(() -> CieServiceProvider.from(context))
                .hasMessageContaining("failed at startup").hasMessageContaining("cie.entityId: is missing");
    }

    @Test
    void aJarInTheServersLibIsNamedAsTheCause() {
        ClassLoader application = new URLClassLoader(new URL[0], CieContextListenerTest.class.getClassLoader());
        assertThat(StartupDiagnosis.sharedLocation(application)).contains("cie-servlet");
        assertThat(StartupDiagnosis.sharedLocation(CieContextListenerTest.class.getClassLoader())).isNull();
        ServletContext context = (ServletContext) Proxy.newProxyInstance(application, new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> "getClassLoader".equals(method.getName()) ? application : null);
        assertThatThrownBy(() -> CieServiceProvider.from(context)).hasMessageContaining("not from this application's"
                + " WEB-INF/lib").hasMessageContaining("server's lib/ directory");
    }

    @Test
    void initializerAndADeclaredListenerStartTheLibraryOnce() {
        Recorded recorded = new Recorded();
        recorded.filters.put("cie", Map.entry(CieAuthenticationFilter.class.getName(), new ArrayList<>(List.of("/a/*"))));
        ServletContext context = context(ConfigFixtures.validPublic(dir), recorded, true);
        new CieInitializer().onStartup(Set.of(), context);
        Object provider = recorded.attributes.get(CieServiceProvider.CONTEXT_ATTRIBUTE);
        new CieContextListener().contextInitialized(new ServletContextEvent(context));
        assertThat(recorded.servletRegistrations).isEqualTo(5);
        assertThat(recorded.attributes.get(CieServiceProvider.CONTEXT_ATTRIBUTE)).isSameAs(provider);
        assertThat(recorded.listeners).containsExactly(CieContextListener.class);
    }

    @Test
    void theInitializerIsAServiceSoItRunsAlsoWithAMetadataCompleteWebXml() {
        assertThat(ServiceLoader.load(ServletContainerInitializer.class, CieInitializer.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::type)).contains(CieInitializer.class);
    }

    @Test
    void cieProtectRegistersTheFilterWithoutAFilterMapping() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.protect", " /area-riservata/* , /documenti/*,*.do");
        Recorded recorded = new Recorded();
        new CieContextListener().contextInitialized(new ServletContextEvent(context(params, recorded)));
        assertThat(recorded.filters).containsOnlyKeys(ProtectedAreas.FILTER_NAME);
        assertThat(recorded.filters.get(ProtectedAreas.FILTER_NAME).getKey()).isEqualTo(CieAuthenticationFilter.class.getName());
        assertThat(recorded.filters.get(ProtectedAreas.FILTER_NAME).getValue())
                .containsExactly("/area-riservata/*", "/documenti/*", "*.do");
    }

    @Test
    void nothingProtectedStopsTheDeploymentAndSaysHowToFixIt() {
        Recorded recorded = new Recorded();
        recorded.filters.put("cie", Map.entry(CieAuthenticationFilter.class.getName(), new ArrayList<>()));
        ServletContext context = context(ConfigFixtures.validPublic(dir), recorded);
        assertThatThrownBy(() -> new CieContextListener().contextInitialized(new ServletContextEvent(context)))
                .isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.protect: nothing is protected")
                .hasMessageContaining("filter cie is declared without one")
                .hasMessageContaining("cie.protect=none");
        assertThat(recorded.attributes).doesNotContainKey(CieServiceProvider.CONTEXT_ATTRIBUTE);
    }

    @Test
    void aFilterMappingOfWebXmlCountsBeforeTheContainerLinksIt() {
        Recorded recorded = new Recorded();
        recorded.filters.put("cie", Map.entry(CieAuthenticationFilter.class.getName(), new ArrayList<>()));
        recorded.webXml = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"><filter-mapping><filter-name>cie</filter-name>"
                + "<url-pattern>/area-riservata/*</url-pattern></filter-mapping></web-app>";
        new CieContextListener().contextInitialized(new ServletContextEvent(context(ConfigFixtures.validPublic(dir), recorded)));
        assertThat(recorded.attributes).containsKey(CieServiceProvider.CONTEXT_ATTRIBUTE);
    }

    @Test
    void cieProtectNoneStartsWithNothingProtected() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.protect", "none");
        Recorded recorded = new Recorded();
        new CieContextListener().contextInitialized(new ServletContextEvent(context(params, recorded)));
        assertThat(recorded.attributes).containsKey(CieServiceProvider.CONTEXT_ATTRIBUTE);
        assertThat(recorded.filters).isEmpty();
    }

    @Test
    void aFilterOfAnotherClassProtectsNothing() {
        Recorded recorded = new Recorded();
        recorded.filters.put("cie", Map.entry("com.example.AuditFilter", new ArrayList<>(List.of("/area/*"))));
        ServletContext context = context(ConfigFixtures.validPublic(dir), recorded);
        assertThatThrownBy(() -> new CieContextListener().contextInitialized(new ServletContextEvent(context)))
                .hasMessageContaining("nothing is protected");
    }

    @Test
    void aCieProtectValueThatIsNoUrlPatternIsRefused() {
        for (String bad : List.of("area-riservata/*", "/area/*/x", "/area riservata/*", "none, /area/*", "/a/**")) {
            Map<String, String> params = ConfigFixtures.validPublic(dir);
            params.put("cie.protect", bad);
            ServletContext context = context(params, new Recorded());
            assertThatThrownBy(() -> new CieContextListener().contextInitialized(new ServletContextEvent(context)))
                    .as(bad).isInstanceOf(CieConfigException.class).hasMessageContaining("cie.protect:");
        }
    }
}
