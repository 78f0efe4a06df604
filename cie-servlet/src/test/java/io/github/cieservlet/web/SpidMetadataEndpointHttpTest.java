package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.saml.spid.SpidTestSettings;
import io.github.cieservlet.testing.TestSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /cie/metadata/spid} over real HTTP: served with SPID (or eIDAS) enabled, 404 on a CIE-only
 * application, whether the servlet is mapped on the exact paths (as the library registers it) or on
 * {@code /cie/metadata/*} (as a web.xml may map it). One server with three applications.
 */
class SpidMetadataEndpointHttpTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static Server server;
    private static String base;
    private static CieServiceProvider spid;
    private static CieServiceProvider cieOnly;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        spid = new CieServiceProvider(SpidTestSettings.publicSubject(LoginScheme.SPID, LoginScheme.EIDAS),
                Clock.systemUTC(), SpidMetadataEndpointHttpTest.class.getClassLoader(), List.of());
        cieOnly = new CieServiceProvider(TestSettings.settings(), Clock.systemUTC(),
                SpidMetadataEndpointHttpTest.class.getClassLoader(), List.of());
        server.setHandler(new Handler.Sequence(context("/exact", spid, "/cie/metadata", "/cie/metadata/spid"),
                context("/wildcard", spid, "/cie/metadata/*"), context("/cie-only", cieOnly, "/cie/metadata/*")));
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    private static ServletContextHandler context(String path, CieServiceProvider provider, String... mappings) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(path);
        context.setAttribute(CieServiceProvider.CONTEXT_ATTRIBUTE, provider);
        ServletHolder holder = new ServletHolder(new MetadataServlet());
        for (String mapping : mappings) {
            context.addServlet(holder, mapping);
        }
        return context;
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        spid.close();
        cieOnly.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/exact", "/wildcard"})
    void theSpidMetadataIsServedBesideTheCieOne(String application) throws Exception {
        HttpResponse<String> answer = get(application + "/cie/metadata/spid?download");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(spid.spidMetadataXml().orElseThrow());
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/samlmetadata+xml"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"spid-sp-metadata.xml\"");
        assertThat(get(application + "/cie/metadata/spid").headers().firstValue("Content-Disposition")).isEmpty();
        HttpResponse<String> cie = get(application + "/cie/metadata");
        assertThat(cie.statusCode()).isEqualTo(200);
        assertThat(cie.body()).isEqualTo(spid.spMetadataXml()).isNotEqualTo(answer.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/wildcard/cie/metadata/spid/", "/wildcard/cie/metadata/spid/x", "/wildcard/cie/metadata/cie",
            "/wildcard/cie/metadata/", "/exact/cie/metadata/spid/"})
    void anyOtherPathUnderTheMetadataIsNotFound(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void aCieOnlyApplicationHasNoSpidMetadata() throws Exception {
        assertThat(cieOnly.spidMetadataXml()).isEmpty();
        assertThat(get("/cie-only/cie/metadata/spid").statusCode()).isEqualTo(404);
        HttpResponse<String> cie = get("/cie-only/cie/metadata");
        assertThat(cie.statusCode()).isEqualTo(200);
        assertThat(cie.body()).isEqualTo(cieOnly.spMetadataXml());
    }
}
