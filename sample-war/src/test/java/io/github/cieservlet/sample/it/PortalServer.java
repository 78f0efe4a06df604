package io.github.cieservlet.sample.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the sample WAR (target/sample-war.war, as built by the package phase) once per test run in embedded
 * Jetty 12 ee10 on a free loopback port, with {@code cie.publicBaseUrl} pointing at it, and stops it when the run
 * ends. Use with {@code @ExtendWith(PortalServer.class)} and read {@link #baseUrl()}.
 */
public final class PortalServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static Server server;
    private static String baseUrl;

    /** @return the portal's base URL, e.g. {@code http://127.0.0.1:41234} */
    public static String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("PortalServer not started: annotate the test with @ExtendWith(PortalServer.class)");
        }
        return baseUrl;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PortalServer.class) {
            if (server != null) {
                return;
            }
            int port = freePort();
            baseUrl = "http://127.0.0.1:" + port;
            System.setProperty("cie.publicBaseUrl", baseUrl);
            Server jetty = start(port, (j, webapp) -> { });
            server = jetty;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PortalServer.class.getName(), this);
        }
    }

    @Override
    public void close() throws Exception {
        synchronized (PortalServer.class) {
            if (server != null) {
                server.stop();
                server = null;
                System.clearProperty("cie.publicBaseUrl");
            }
        }
    }

    /**
     * Starts another portal from the same WAR, with system properties that apply only while it starts (the
     * library and the test IdP read their configuration once, at startup). The caller stops it.
     *
     * @param overrides {@code cie.*} system properties for this portal, e.g. {@code cie.binding=REDIRECT}
     * @return the running server; its base URL is {@link #baseUrlOf(Server)}
     * @throws Exception when it cannot start
     */
    public static Server startAnother(java.util.Map<String, String> overrides) throws Exception {
        return startAnother(overrides, (jetty, webapp) -> { });
    }

    /**
     * Like {@link #startAnother(java.util.Map)}, with {@code cie.publicBaseUrl} taken from the overrides when they
     * name it (e.g. a load balancer in front of several portals), and a last word on the server and the web
     * application before they start (JNDI entries, the session store).
     *
     * @param overrides {@code cie.*} system properties for this portal
     * @param customizer configures the server and the web application before they start
     * @return the running server
     * @throws Exception when it cannot start
     */
    static Server startAnother(java.util.Map<String, String> overrides,
            java.util.function.BiConsumer<Server, WebAppContext> customizer) throws Exception {
        synchronized (PortalServer.class) {
            int port = freePort();
            java.util.Map<String, String> previous = new java.util.HashMap<>();
            java.util.Map<String, String> all = new java.util.HashMap<>(overrides);
            all.putIfAbsent("cie.publicBaseUrl", "http://127.0.0.1:" + port);
            all.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
            try {
                return start(port, customizer);
            } finally {
                previous.forEach((k, v) -> {
                    if (v == null) {
                        System.clearProperty(k);
                    } else {
                        System.setProperty(k, v);
                    }
                });
            }
        }
    }

    /** @param server a server started here @return its base URL */
    public static String baseUrlOf(Server server) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static Server start(int port, java.util.function.BiConsumer<Server, WebAppContext> customizer)
            throws Exception {
        Path war = Paths.get("target", "sample-war.war").toAbsolutePath();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " is missing: run the integration tests through Maven (verify)");
        }
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(war.toString());
        webapp.addConfiguration(new AnnotationConfiguration());
        webapp.setThrowUnavailableOnStartupException(true);
        jetty.setHandler(webapp);
        customizer.accept(jetty, webapp);
        jetty.start();
        return jetty;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
