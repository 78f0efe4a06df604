package io.github.cieservlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.CieSettingsReader;
import io.github.cieservlet.config.ConfigFixtures;
import io.github.cieservlet.config.ParamSource;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.saml.OpenSamlBootstrap;
import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.testing.LogCapture;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cie.nextKeyAlias publishes both certificates while the current key signs; expiry within 60 days is warned. */
class KeyRolloverTest {

    private static final String PASSWORD = "changeit-rollover";
    private static final SpCredentials NEXT = TestCredentials.generate("CN=next", 2048, Instant.now().minusSeconds(60),
            Duration.ofDays(730));

    @TempDir
    Path dir;

    private Map<String, String> params(String keyAlias, String nextAlias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("current", TestCredentials.sp().privateKey(), PASSWORD.toCharArray(),
                new Certificate[] {TestCredentials.sp().certificate()});
        store.setKeyEntry("next", NEXT.privateKey(), PASSWORD.toCharArray(), new Certificate[] {NEXT.certificate()});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD.toCharArray());
        Path keystore = Files.write(dir.resolve("rollover.p12"), out.toByteArray());
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.keystore", keystore.toString());
        params.put("cie.keystorePassword", PASSWORD);
        if (keyAlias != null) {
            params.put("cie.keyAlias", keyAlias);
        }
        params.put("cie.nextKeyAlias", nextAlias);
        return params;
    }

    private static CieSettings read(Map<String, String> params) {
        return new CieSettingsReader(new ParamSource(params, Map.of(), Map.of()), KeyRolloverTest.class.getClassLoader(),
                Clock.systemUTC()).read();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void metadataPublishesBothCertificatesAndIsSignedWithTheCurrentKey() throws Exception {
        OpenSamlBootstrap.initialize();
        CieSettings settings = read(params("current", "next"));
        assertThat(settings.credentials().certificate()).isEqualTo(TestCredentials.sp().certificate());
        assertThat(settings.nextCredentials()).map(SpCredentials::certificate).contains(NEXT.certificate());
        String metadata = new SpMetadataFactory(settings).signedXml();
        String current = Base64.getEncoder().encodeToString(TestCredentials.sp().certificate().getEncoded());
        String next = Base64.getEncoder().encodeToString(NEXT.certificate().getEncoded());
        String flat = metadata.replaceAll("\\s", "");
        assertThat(count(metadata, "use=\"signing\"")).isEqualTo(2);
        assertThat(count(flat, next)).as("next: its KeyDescriptor only").isEqualTo(1);
        assertThat(count(flat, current)).as("current: its KeyDescriptor and the signature's KeyInfo").isEqualTo(2);
    }

    @Test
    void nextKeyNeedsTheCurrentAliasAndAKeyThere() throws Exception {
        assertThatThrownBy(() -> read(params(null, "next"))).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.nextKeyAlias: needs cie.keyAlias set to the current key");
        assertThatThrownBy(() -> read(params("current", "missing"))).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.nextKeyAlias: the keystore has no private key under alias 'missing'");
    }

    @Test
    void aCertificateExpiringWithin60DaysIsWarnedWithWhatToDo() {
        try (LogCapture log = LogCapture.of(CertificateExpiry.class)) {
            Instant now = Instant.parse("2026-11-28T00:00:00Z");
            SpCredentials soon = TestCredentials.generate("CN=soon", 2048, now.minus(Duration.ofDays(300)),
                    Duration.ofDays(330));
            SpCredentials later = TestCredentials.generate("CN=later", 2048, now.minus(Duration.ofDays(1)),
                    Duration.ofDays(400));
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            CertificateExpiry.check(TestSettings.builder().credentials(later).build(), clock);
            assertThat(log.lines(Level.WARNING)).isEmpty();
            CertificateExpiry.check(TestSettings.builder().credentials(soon).build(), clock);
            assertThat(log.lines(Level.WARNING)).singleElement().satisfies(line -> assertThat(line)
                    .contains("expires on 2026-12-28", "in 30 days", "set cie.nextKeyAlias"));
        }
    }
}
