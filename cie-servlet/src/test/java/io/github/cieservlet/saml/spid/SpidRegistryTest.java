package io.github.cieservlet.saml.spid;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.SpidIdentityProvider;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.saml.IdpMetadataPolicy;
import io.github.cieservlet.testing.TestCredentials;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpidRegistryTest {

    private static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SpidRegistry registry(Path source, Path copy, Set<String> pins) {
        return new SpidRegistry(ResourceLocation.parse(source.toUri().toString()), copy, pins,
                getClass().getClassLoader(), CLOCK);
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void theOfficialRegistryIsAgidsAggregate() {
        assertThat(SpidRegistry.REGISTRY_URL).isEqualTo("https://registry.spid.gov.it/metadata/idp/spid-entities-idps.xml");
    }

    @Test
    void readsTheRegistryAndKeepsItAsTheLastGoodCopy() throws Exception {
        byte[] aggregate = SpidAggregateXml.twoIdps().getBytes(StandardCharsets.UTF_8);
        Path copy = dir.resolve("last-good.xml");
        SpidIdps idps = registry(write("registry.xml", aggregate), copy, Set.of()).load();
        assertThat(idps.origin()).isEqualTo(SpidIdps.Origin.REGISTRY);
        assertThat(idps.identityProviders()).extracting(SpidIdentityProvider::displayName)
                .containsExactly("Poste ID", "Aruba ID");
        assertThat(idps.metadata(SpidAggregateXml.ARUBA)).get().extracting(m -> m.signingCertificates().get(0))
                .isEqualTo(TestCredentials.attacker().certificate());
        assertThat(idps.metadata("https://unknown.test")).isEmpty();
        assertThat(Files.readAllBytes(copy)).isEqualTo(aggregate);
    }

    @Test
    void withoutALastGoodCopyFileTheRegistryIsStillRead() throws Exception {
        Path source = write("registry.xml", SpidAggregateXml.twoIdps().getBytes(StandardCharsets.UTF_8));
        SpidIdps idps = registry(source, null, Set.of()).load();
        assertThat(idps.origin()).isEqualTo(SpidIdps.Origin.REGISTRY);
        assertThat(idps.metadata()).hasSize(2);
        assertThat(registry(source, dir.resolve("missing-dir").resolve("copy.xml"), Set.of()).load().origin())
                .isEqualTo(SpidIdps.Origin.REGISTRY);
    }

    @Test
    void anUnreachableRegistryFallsBackToTheLastGoodCopy() throws Exception {
        Path copy = write("last-good.xml", SpidAggregateXml.twoIdps().getBytes(StandardCharsets.UTF_8));
        SpidIdps idps = registry(dir.resolve("missing.xml"), copy, Set.of()).load();
        assertThat(idps.origin()).isEqualTo(SpidIdps.Origin.LAST_GOOD_COPY);
        assertThat(idps.metadata()).extracting(m -> m.entityId())
                .containsExactly(SpidAggregateXml.POSTE, SpidAggregateXml.ARUBA);
    }

    @Test
    void aRefusedRegistryDocumentNeitherServesNorReplacesTheLastGoodCopy() throws Exception {
        byte[] good = SpidAggregateXml.signed(SpidAggregateXml.twoIdps(), UnaryOperator.identity());
        Path copy = write("last-good.xml", good);
        Path unsigned = write("registry.xml", SpidAggregateXml.twoIdps().getBytes(StandardCharsets.UTF_8));
        Set<String> pins = Set.of(IdpMetadataPolicy.fingerprint(TestCredentials.idp().certificate()));
        SpidIdps idps = registry(unsigned, copy, pins).load();
        assertThat(idps.origin()).isEqualTo(SpidIdps.Origin.LAST_GOOD_COPY);
        assertThat(Files.readAllBytes(copy)).isEqualTo(good);
    }

    @Test
    void withoutRegistryNorCopyTheBundledListIsShownWithoutMetadata() throws Exception {
        Path brokenCopy = write("last-good.xml", "<not-metadata/>".getBytes(StandardCharsets.UTF_8));
        SpidIdps idps = registry(dir.resolve("missing.xml"), brokenCopy, Set.of()).load();
        assertThat(idps.origin()).isEqualTo(SpidIdps.Origin.BUNDLED_SNAPSHOT);
        assertThat(idps.metadata()).isEmpty();
        assertThat(idps.identityProviders()).hasSize(12).contains(
                new SpidIdentityProvider("https://posteid.poste.it", "Poste Italiane SpA", null),
                new SpidIdentityProvider("https://id.lepida.it/idp/shibboleth", "Lepida S.p.A.", null));
        assertThat(idps.identityProviders()).extracting(SpidIdentityProvider::displayName)
                .contains("Poste Italiane SpA", "InfoCert S.p.A.");
        assertThat(registry(dir.resolve("missing.xml"), null, Set.of()).load().origin())
                .isEqualTo(SpidIdps.Origin.BUNDLED_SNAPSHOT);
    }

    @Test
    void theBundledListNamesItsDateAndEachEntityOnce() throws Exception {
        String text = new String(getClass().getClassLoader().getResourceAsStream(SpidIdpSnapshot.RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("# snapshot-date: " + SpidRegistry.SNAPSHOT_DATE);
        assertThat(SpidRegistry.SNAPSHOT_DATE).isBefore(LocalDate.now(CLOCK));
        assertThat(SpidIdpSnapshot.read()).doesNotHaveDuplicates().allSatisfy(
                idp -> assertThat(idp.entityId()).startsWith("https://"));
    }

    @Test
    void aBadSnapshotLineIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SpidIdpSnapshot.parse(
                new BufferedReader(new StringReader("# comment\n\nhttps://a.test\n"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("https://a.test");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SpidIdpSnapshot.parse(
                new BufferedReader(new StringReader(" \tname\n")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEntryNeedsTheSameEntityIdTwice() throws Exception {
        SpidIdpEntry entry = SpidMetadataDocument.parse(SpidAggregateXml.twoIdps().getBytes(StandardCharsets.UTF_8),
                Set.of(), CLOCK.instant()).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpidIdpEntry(entry.metadata(),
                new SpidIdentityProvider("https://other.test", "Other", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
