package io.github.cieservlet.sample.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A portal started from the sample WAR that trusts a {@link TrustedIdp} whose key the test holds, once per test
 * class, on a free loopback port: register it as a static extension
 * ({@code @RegisterExtension static final TrustedPortal PORTAL = new TrustedPortal();}).
 */
final class TrustedPortal implements BeforeAllCallback, AfterAllCallback {

    private final TrustedIdp idp = new TrustedIdp();
    private Path dir;
    private Server server;
    private String base;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("trusted-portal");
        server = idp.startPortal(dir);
        base = PortalServer.baseUrlOf(server);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            server.stop();
        } finally {
            Files.deleteIfExists(dir.resolve("idp-metadata.xml"));
            Files.deleteIfExists(dir);
        }
    }

    /** @return the identity provider the portal trusts */
    TrustedIdp idp() {
        return idp;
    }

    /** @return the portal's base URL, e.g. {@code http://127.0.0.1:port/portale} */
    String base() {
        return base;
    }
}
