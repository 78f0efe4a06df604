package io.github.cieservlet.testidp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.testidp.TestIdpListener;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test IdP over real HTTP in Jetty answers only direct loopback requests. Every connector listens on
 * 127.0.0.1 (no test opens a port to the network); two of them make the container report, in its own request
 * objects, what a remote client or a non-loopback interface would give: one a remote address of 192.0.2.99, one a
 * local address of 192.0.2.2.
 */
class LoopbackOnlyHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Server server;
    private static String direct;
    private static String fromRemoteClient;
    private static String onNonLoopbackInterface;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector plain = connector(UnaryOperator.identity());
        ServerConnector remote = connector(meta -> new ConnectionMetaData.Wrapper(meta) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return new InetSocketAddress(address(192, 0, 2, 99), 40000);
            }
        });
        ServerConnector local = connector(meta -> new ConnectionMetaData.Wrapper(meta) {
            @Override
            public SocketAddress getLocalSocketAddress() {
                return new InetSocketAddress(address(192, 0, 2, 2), 8092);
            }
        });
        String base = "http://127.0.0.1:" + plain.getLocalPort() + "/portale";
        direct = base;
        fromRemoteClient = "http://127.0.0.1:" + remote.getLocalPort() + "/portale";
        onNonLoopbackInterface = "http://127.0.0.1:" + local.getLocalPort() + "/portale";
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/portale");
        context.setInitParameter("cie.environment", "local");
        context.setInitParameter("cie.publicBaseUrl", base);
        context.addEventListener(new TestIdpListener());
        server.setHandler(context);
        server.start();
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A loopback connector whose requests carry the connection metadata the given function makes of the real one. */
    private static ServerConnector connector(UnaryOperator<ConnectionMetaData> metadata) throws Exception {
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.addCustomizer((request, responseHeaders) -> new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return metadata.apply(super.getConnectionMetaData());
            }
        });
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(configuration));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        connector.open();
        return connector;
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Accesso negato", "Access denied", "loopback").doesNotContain("EntityDescriptor");
    }

    @Test
    void directLoopbackRequestIsAnswered() throws Exception {
        HttpResponse<String> metadata = get(direct + IdpEndpoints.METADATA_PATH);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("EntityDescriptor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "Via"})
    void requestWithAForwardingHeaderIsRefused(String header) throws Exception {
        assertRefused(get(direct + IdpEndpoints.METADATA_PATH, header, "192.0.2.99"));
    }

    @Test
    void requestFromANonLoopbackRemoteAddressIsRefusedOnEveryEndpoint() throws Exception {
        assertRefused(get(fromRemoteClient + IdpEndpoints.METADATA_PATH));
        assertRefused(get(fromRemoteClient + IdpEndpoints.SSO_REDIRECT_PATH + "?SAMLRequest=x"));
        assertRefused(get(fromRemoteClient + IdpEndpoints.SLO_REDIRECT_PATH));
        assertRefused(get(fromRemoteClient + "/cie-test-idp/profile/./SAML2/Redirect/SSO?SAMLRequest=x"));
    }

    @Test
    void requestReceivedOnANonLoopbackLocalAddressIsRefused() throws Exception {
        assertRefused(get(onNonLoopbackInterface + IdpEndpoints.METADATA_PATH));
    }
}
