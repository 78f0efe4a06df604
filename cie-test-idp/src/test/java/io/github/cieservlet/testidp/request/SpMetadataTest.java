package io.github.cieservlet.testidp.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.testidp.testing.TestSp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpMetadataTest {

    @Test
    void readsEntityIdSigningKeyPostAcsAndAttributeServices() throws Exception {
        SpMetadata sp = SpMetadata.parse(TestSp.metadataXml(TestSp.key().certificate(), TestSp.ACS_URL)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(sp.entityId()).isEqualTo(TestSp.ENTITY_ID);
        assertThat(sp.signingCertificates()).containsExactly(TestSp.key().certificate());
        assertThat(sp.assertionConsumerServices()).containsExactly(new SpMetadata.Acs(0, TestSp.ACS_URL, true),
                new SpMetadata.Acs(1, TestSp.OTHER_ACS_URL, false));
        assertThat(sp.attributeConsumingServiceIndexes()).containsExactly(0);
        assertThat(sp.defaultAcs().location()).isEqualTo(TestSp.ACS_URL);
        assertThat(sp.acsByIndex(2)).isEmpty();
        assertThat(sp.acsByLocation(TestSp.OTHER_ACS_URL)).map(SpMetadata.Acs::index).contains(1);
    }

    @Test
    void withoutIsDefaultTheLowestIndexIsTheDefault() {
        SpMetadata sp = new SpMetadata("sp", List.of(TestSp.key().certificate()),
                List.of(new SpMetadata.Acs(3, "https://a", false), new SpMetadata.Acs(1, "https://b", false)), Map.of(),
                null);
        assertThat(sp.defaultAcs().location()).isEqualTo("https://b");
    }

    @Test
    void refusesMetadataWithoutSigningKeyOrPostAcs() {
        String noSigning = TestSp.metadataXml(TestSp.key().certificate(), TestSp.ACS_URL)
                .replace("use=\"signing\"", "use=\"encryption\"");
        assertThatThrownBy(() -> SpMetadata.parse(noSigning.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SamlXmlException.class).hasMessageContaining("signing certificate");
        String noPostAcs = TestSp.metadataXml(TestSp.key().certificate(), TestSp.ACS_URL)
                .replace("bindings:HTTP-POST", "bindings:HTTP-Artifact");
        assertThatThrownBy(() -> SpMetadata.parse(noPostAcs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SamlXmlException.class).hasMessageContaining("AssertionConsumerService");
    }

    @Test
    void refusesADocumentThatIsNotSpMetadata() {
        assertThatThrownBy(() -> SpMetadata.parse("<a/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SamlXmlException.class);
        String idpOnly = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"/>";
        assertThatThrownBy(() -> SpMetadata.parse(idpOnly.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SamlXmlException.class).hasMessageContaining("SPSSODescriptor");
    }
}
