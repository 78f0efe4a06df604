package io.github.cieservlet.saml.spid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.IdpMetadataPolicy;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.testing.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SpidMetadataDocumentTest {

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    private static final Set<String> IDP_PIN = Set.of(IdpMetadataPolicy.fingerprint(TestCredentials.idp().certificate()));

    private static List<SpidIdpEntry> parse(String xml, Set<String> pins) throws SamlXmlException {
        return SpidMetadataDocument.parse(xml.getBytes(StandardCharsets.UTF_8), pins, NOW);
    }

    @Test
    void readsEveryIdentityProviderOfTheAggregateWithItsItalianDisplayName() throws Exception {
        List<SpidIdpEntry> entries = parse(SpidAggregateXml.twoIdps(), Set.of());
        assertThat(entries).extracting(e -> e.identityProvider().entityId())
                .containsExactly(SpidAggregateXml.POSTE, SpidAggregateXml.ARUBA);
        assertThat(entries).extracting(e -> e.identityProvider().displayName()).containsExactly("Poste ID", "Aruba ID");
        assertThat(entries.get(0).metadata().ssoUrl(RequestBinding.POST)).contains(SpidAggregateXml.POSTE + "/sso");
        assertThat(entries.get(0).metadata().signingCertificates()).containsExactly(TestCredentials.idp().certificate());
        assertThat(entries.get(1).identityProvider().logoUri()).isNull();
    }

    @Test
    void aSingleEntityDescriptorIsReadToo() throws Exception {
        String single = "<?xml version=\"1.0\"?>" + SpidAggregateXml.idp(SpidAggregateXml.POSTE, "Poste ID",
                TestCredentials.idp().certificate()).replace("<md:EntityDescriptor ",
                "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                        + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" ");
        assertThat(parse(single, Set.of())).singleElement()
                .satisfies(e -> assertThat(e.identityProvider().displayName()).isEqualTo("Poste ID"));
    }

    @Test
    void withoutAnItalianDisplayNameTheFirstOneIsShownAndWithoutAnyTheEntityId() throws Exception {
        String english = SpidAggregateXml.twoIdps().replace("<md:OrganizationDisplayName xml:lang=\"it\">Poste ID"
                + "</md:OrganizationDisplayName>", "");
        assertThat(parse(english, Set.of()).get(0).identityProvider().displayName()).isEqualTo("Poste ID (en)");
        String none = SpidAggregateXml.twoIdps().replaceAll("<md:OrganizationDisplayName[^<]*</md:OrganizationDisplayName>", "");
        assertThat(parse(none, Set.of()).get(0).identityProvider().displayName()).isEqualTo(SpidAggregateXml.POSTE);
    }

    @Test
    void anIdentityProviderWithoutSigningKeyIsLeftOutAlone() throws Exception {
        String xml = SpidAggregateXml.aggregate(SpidAggregateXml.idp(SpidAggregateXml.POSTE, "Poste ID", null),
                SpidAggregateXml.idp(SpidAggregateXml.ARUBA, "Aruba ID", TestCredentials.idp().certificate()));
        assertThat(parse(xml, Set.of())).extracting(e -> e.identityProvider().entityId())
                .containsExactly(SpidAggregateXml.ARUBA);
    }

    @Test
    void anExpiredIdentityProviderIsLeftOut() throws Exception {
        String xml = SpidAggregateXml.twoIdps().replace("<md:EntityDescriptor entityID=\"" + SpidAggregateXml.POSTE,
                "<md:EntityDescriptor validUntil=\"2026-11-28T00:00:00Z\" entityID=\"" + SpidAggregateXml.POSTE);
        assertThat(parse(xml, Set.of())).extracting(e -> e.identityProvider().entityId())
                .containsExactly(SpidAggregateXml.ARUBA);
        String later = xml.replace("2026-11-28T00:00:00Z", "2026-11-28T00:00:01Z");
        assertThat(parse(later, Set.of())).hasSize(2);
    }

    @Test
    void aDocumentWithoutAnyUsableIdentityProviderIsRefused() {
        String xml = SpidAggregateXml.aggregate(SpidAggregateXml.idp(SpidAggregateXml.POSTE, "Poste ID", null));
        assertThatThrownBy(() -> parse(xml, Set.of())).isInstanceOf(SamlXmlException.class)
                .hasMessageContaining("no usable");
    }

    @Test
    void aDocumentThatIsNotMetadataIsRefused() {
        assertThatThrownBy(() -> parse("<x/>", Set.of())).isInstanceOf(SamlXmlException.class);
    }

    @Test
    void withPinsASignatureByAPinnedCertificateIsAccepted() throws Exception {
        byte[] signed = SpidAggregateXml.signed(SpidAggregateXml.twoIdps(), UnaryOperator.identity());
        assertThat(SpidMetadataDocument.parse(signed, IDP_PIN, NOW)).hasSize(2);
    }

    @Test
    void withPinsAnUnsignedDocumentIsRefused() {
        assertThatThrownBy(() -> parse(SpidAggregateXml.twoIdps(), IDP_PIN)).isInstanceOf(SamlXmlException.class)
                .hasMessageContaining("not signed");
    }

    @Test
    void withPinsASignatureByAnotherCertificateIsRefused() throws Exception {
        byte[] signed = SpidAggregateXml.signed(SpidAggregateXml.twoIdps(), UnaryOperator.identity());
        Set<String> otherPin = Set.of(IdpMetadataPolicy.fingerprint(TestCredentials.attacker().certificate()));
        assertThatThrownBy(() -> SpidMetadataDocument.parse(signed, otherPin, NOW))
                .isInstanceOf(SamlXmlException.class).hasMessageContaining("pinned");
    }

    @Test
    void withPinsADocumentChangedAfterSigningIsRefused() throws Exception {
        byte[] tampered = SpidAggregateXml.signed(SpidAggregateXml.twoIdps(),
                xml -> xml.replace(SpidAggregateXml.POSTE + "/sso", "https://evil.test/sso"));
        assertThatThrownBy(() -> SpidMetadataDocument.parse(tampered, IDP_PIN, NOW))
                .isInstanceOf(SamlXmlException.class).hasMessageContaining("signature is not valid");
    }
}
