package io.github.cieservlet.testidp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testidp.web.LoopbackOnlyFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletRegistration;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import jakarta.servlet.ServletContainerInitializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class TestIdpListenerTest {

    @Test
    void theWebFragmentNamesTheJarAndDeclaresNoListener() throws Exception {
        try (InputStream in = TestIdpListener.class.getResourceAsStream("/META-INF/web-fragment.xml")) {
            assertThat(in).as("META-INF/web-fragment.xml").isNotNull();
            Element root = SecureXml.parse(in.readAllBytes()).getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("web-fragment");
            assertThat(root.getNamespaceURI()).isEqualTo("https://jakarta.ee/xml/ns/jakartaee");
            assertThat(root.getElementsByTagNameNS("*", "name").item(0).getTextContent()).isEqualTo("cie_test_idp");
            assertThat(root.getElementsByTagNameNS("*", "listener-class").getLength())
                    .as("the initializer starts the test IdP; a listener here would be a second start").isZero();
        }
    }

    @Test
    void theInitializerIsAServiceSoItRunsAlsoWithAMetadataCompleteWebXml() throws Exception {
        ServiceLoader<ServletContainerInitializer> services = ServiceLoader.load(ServletContainerInitializer.class,
                TestIdpInitializer.class.getClassLoader());
        assertThat(services.stream().map(ServiceLoader.Provider::type)).contains(TestIdpInitializer.class);
    }

    @Test
    void initializerAndDeclaredListenerTogetherRegisterTheEndpointsOnce() {
        RecordingContext context = new RecordingContext(Map.of("cie.environment", "local",
                "cie.publicBaseUrl", "http://localhost:8080/portale"));
        new TestIdpInitializer().onStartup(Set.of(), context.proxy());
        new TestIdpListener().contextInitialized(new ServletContextEvent(context.proxy()));
        assertThat(context.mappings).hasSize(14);
        assertThat(context.registrations).isEqualTo(14);
    }

    @Test
    void registersNothingOutsideTheLocalEnvironment() {
        RecordingContext context = new RecordingContext(Map.of("cie.environment", "production",
                "cie.publicBaseUrl", "http://localhost:8080"));
        new TestIdpListener().contextInitialized(new ServletContextEvent(context.proxy()));
        assertThat(context.mappings).isEmpty();
        assertThat(context.attributes).containsOnlyKeys(TestIdpListener.STARTED_ATTRIBUTE);
    }

    @Test
    void registersNothingOnAPublicHost() {
        RecordingContext context = new RecordingContext(Map.of("cie.environment", "local",
                "cie.publicBaseUrl", "https://portale.comune.example.it"));
        new TestIdpListener().contextInitialized(new ServletContextEvent(context.proxy()));
        assertThat(context.mappings).isEmpty();
    }

    @Test
    void registersTheEndpointsLocally() {
        RecordingContext context = new RecordingContext(Map.of("cie.environment", "local",
                "cie.publicBaseUrl", "http://localhost:8080/portale"));
        new TestIdpListener().contextInitialized(new ServletContextEvent(context.proxy()));
        assertThat(context.mappings).containsOnlyKeys("/cie-test-idp/metadata",
                "/cie-test-idp/profile/SAML2/POST/SSO", "/cie-test-idp/profile/SAML2/Redirect/SSO",
                "/cie-test-idp/profile/SAML2/continue", "/cie-test-idp/profile/SAML2/Redirect/SLO",
                "/cie-test-idp/spid/metadata", "/cie-test-idp/spid/sso", "/cie-test-idp/spid/continue",
                "/cie-test-idp/spid/slo", "/cie-test-idp/ficep/metadata", "/cie-test-idp/ficep/sso",
                "/cie-test-idp/ficep/continue", "/cie-test-idp/ficep/slo", "/cie-test-idp/oidc/*");
        assertThat(context.attributes).containsOnlyKeys(TestIdpListener.OIDC_TRUST_ANCHOR_JWKS_ATTRIBUTE,
                TestIdpListener.STARTED_ATTRIBUTE);
        assertThat(context.filters).containsOnlyKeys("cieTestIdpLoopbackOnly");
        assertThat(context.filters.get("cieTestIdpLoopbackOnly")).isInstanceOf(LoopbackOnlyFilter.class);
        assertThat(context.filteredServlets).as("every servlet of the test IdP is behind the loopback-only filter")
                .containsExactlyInAnyOrder(context.servletNames.toArray(String[]::new)).hasSize(14);
    }

    /**
     * A ServletContext that answers only what the listener calls: its init parameters, addServlet, whose
     * registration records the mappings, and addFilter, whose registration records the servlet names it is
     * mapped to. Anything else fails the test.
     */
    private static final class RecordingContext {
        private final Map<String, String> params;
        private final Map<String, Servlet> mappings = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private int registrations;
        private final List<String> servletNames = new ArrayList<>();
        private final Map<String, Filter> filters = new LinkedHashMap<>();
        private final List<String> filteredServlets = new ArrayList<>();

        RecordingContext(Map<String, String> params) {
            this.params = params;
        }

        ServletContext proxy() {
            return (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ServletContext.class}, (self, method, args) -> switch (method.getName()) {
                        case "getInitParameterNames" -> Collections.enumeration(params.keySet());
                        case "getInitParameter" -> params.get((String) args[0]);
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "addServlet" -> {
                            servletNames.add((String) args[0]);
                            yield registration((Servlet) args[1]);
                        }
                        case "addFilter" -> {
                            filters.put((String) args[0], (Filter) args[1]);
                            yield filterRegistration();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private FilterRegistration.Dynamic filterRegistration() {
            return (FilterRegistration.Dynamic) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {FilterRegistration.Dynamic.class}, (self, method, args) -> {
                        if (!"addMappingForServletNames".equals(method.getName())) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        filteredServlets.addAll(List.of((String[]) args[2]));
                        return null;
                    });
        }

        private ServletRegistration.Dynamic registration(Servlet servlet) {
            registrations++;
            return (ServletRegistration.Dynamic) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ServletRegistration.Dynamic.class}, (self, method, args) -> {
                        if (!"addMapping".equals(method.getName())) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        for (String path : (String[]) args[0]) {
                            mappings.put(path, servlet);
                        }
                        return Set.of();
                    });
        }
    }
}
