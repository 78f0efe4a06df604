package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.testing.LogCapture;
import io.github.cieservlet.testing.MutableClock;
import io.github.cieservlet.testing.TestCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IdP metadata lifecycle against a real HTTP server on loopback serving metadata that changes, breaks,
 * expires and becomes unreachable: the last good copy on disk, what never replaces good metadata, pinning.
 */
class IdpMetadataLifecycleTest {

    private static final Duration REFRESH = Duration.ofHours(1);
    private static final X509Certificate KEY = TestCredentials.idp().certificate();
    private static final X509Certificate NEXT_KEY = TestCredentials.sp().certificate();
    private static final X509Certificate ENCRYPTION = TestCredentials.attacker().certificate();

    @TempDir
    Path dir;

    private HttpServer server;
    private volatile byte[] served;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        OpenSamlBootstrap.initialize();
        served = IdpMetadataXml.bytes(KEY, ENCRYPTION);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metadata", exchange -> {
            byte[] body = served;
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        log = LogCapture.of(IdpMetadataProvider.class);
    }

    @AfterEach
    void stop() {
        log.close();
        server.stop(0);
    }

    private ResourceLocation url() {
        return ResourceLocation.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/metadata");
    }

    private IdpMetadataProvider provider(Set<String> pins, Path cache) {
        return new IdpMetadataProvider(url(), REFRESH, getClass().getClassLoader(), clock,
                new IdpMetadataPolicy(pins, cache));
    }

    private List<String> lines(Level level) {
        return log.lines(level);
    }

    private static String withValidUntil(byte[] document, Instant until) {
        return new String(document, StandardCharsets.UTF_8).replaceFirst("entityID=", "validUntil=\"" + until + "\" entityID=");
    }

    private void refreshLater(IdpMetadataProvider provider) {
        clock.advance(REFRESH);
        provider.refreshIfDue();
    }

    @Test
    void goodMetadataIsKeptOnDiskAndServedWhenTheUrlIsDownAtStartup() throws Exception {
        Path cache = dir.resolve("idp.xml");
        assertThat(provider(Set.of(), cache).current().signingCertificates()).containsExactly(KEY);
        assertThat(Files.readAllBytes(cache)).isEqualTo(served);

        server.stop(0);
        IdpMetadataProvider restarted = provider(Set.of(), cache);
        assertThat(restarted.current().signingCertificates()).containsExactly(KEY);
        assertThat(lines(Level.WARNING)).anySatisfy(l -> assertThat(l).contains("using the last good copy"));

        IdpMetadataProvider withoutCopy = provider(Set.of(), null);
        assertThatThrownBy(withoutCopy::current).isInstanceOf(CieAuthenticationException.class);
    }

    @Test
    void brokenOtherEntityAndExpiredMetadataNeverReplaceGoodMetadata() throws Exception {
        Path cache = dir.resolve("idp.xml");
        IdpMetadataProvider provider = provider(Set.of(), cache);
        byte[] good = served;
        provider.current();

        served = "<md:EntityDescriptor".getBytes(StandardCharsets.UTF_8);
        refreshLater(provider);
        assertThat(provider.current().signingCertificates()).containsExactly(KEY);

        served = ("<?xml version=\"1.0\"?>" + IdpMetadataXml.entityDescriptor("https://idp.attacker.example/sso",
                NEXT_KEY, ENCRYPTION)).getBytes(StandardCharsets.UTF_8);
        refreshLater(provider);
        assertThat(provider.current().entityId()).isEqualTo(IdpMetadataXml.ENTITY_ID);
        assertThat(provider.current().signingCertificates()).containsExactly(KEY);

        served = withValidUntil(IdpMetadataXml.bytes(NEXT_KEY, ENCRYPTION), clock.instant().minusSeconds(1))
                .getBytes(StandardCharsets.UTF_8);
        refreshLater(provider);
        assertThat(provider.current().signingCertificates()).containsExactly(KEY);
        assertThat(lines(Level.WARNING)).anySatisfy(l -> assertThat(l).contains("validUntil"))
                .anySatisfy(l -> assertThat(l).contains("names the entity https://idp.attacker.example/sso"));
        assertThat(Files.readAllBytes(cache)).isEqualTo(good);
    }

    @Test
    void aKeyChangeIsLoggedWithBothFingerprints() throws Exception {
        IdpMetadataProvider provider = provider(Set.of(), null);
        provider.current();
        served = withValidUntil(IdpMetadataXml.bytes(NEXT_KEY, ENCRYPTION), clock.instant().plus(Duration.ofDays(30)))
                .getBytes(StandardCharsets.UTF_8);
        refreshLater(provider);
        assertThat(provider.current().signingCertificates()).containsExactly(NEXT_KEY);
        assertThat(lines(Level.WARNING)).anySatisfy(l -> assertThat(l).contains("signing certificate changed")
                .contains(IdpMetadataPolicy.fingerprint(KEY)).contains(IdpMetadataPolicy.fingerprint(NEXT_KEY)));
    }

    @Test
    void aKeyOutsideThePinsIsRefusedAndLoggedAtErrorOnce() throws Exception {
        Set<String> pins = Set.of(IdpMetadataPolicy.fingerprint(KEY).toLowerCase().replace(":", ""),
                "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
        IdpMetadataProvider provider = provider(pins, null);
        assertThat(provider.current().signingCertificates()).containsExactly(KEY);
        served = IdpMetadataXml.bytes(NEXT_KEY, ENCRYPTION);
        refreshLater(provider);
        refreshLater(provider);
        assertThat(provider.current().signingCertificates()).containsExactly(KEY);
        assertThat(lines(Level.SEVERE)).singleElement().satisfies(l -> assertThat(l)
                .contains(IdpMetadataPolicy.fingerprint(NEXT_KEY)).contains("not in cie.idpCertificatePins"));

        IdpMetadataProvider unpinnedFromTheStart = provider(pins, null);
        assertThatThrownBy(unpinnedFromTheStart::current).isInstanceOf(CieAuthenticationException.class)
                .hasMessageContaining("not in cie.idpCertificatePins");
    }
}
