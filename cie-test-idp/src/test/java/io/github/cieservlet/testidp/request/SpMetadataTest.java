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
    void readsTheRequestedAttributesOfEachServiceAndTheSingleLogoutService() throws Exception {
        SpMetadata sp = TestSp.spidMetadata(TestSp.key().certificate());
        assertThat(sp.attributeConsumingServiceIndexes()).containsExactly(0, 1, 99, 100);
        assertThat(sp.attributeConsumingServices().get(0)).isEqualTo(TestSp.SPID_ATTRIBUTES_0);
        assertThat(sp.attributeConsumingServices().get(1)).containsExactly("spidCode", "email");
        assertThat(sp.singleLogoutUrl()).isEqualTo("http://localhost:8080/portale/cie/slo");
    }

    @Test
    void aPostSingleLogoutServiceAndItsResponseLocationArePreferred() throws Exception {
        String xml = TestSp.spidMetadataXml(TestSp.key().certificate(), TestSp.ACS_URL).replace("<md:NameIDFormat>",
                "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                        + " Location=\"https://sp/slo-post\" ResponseLocation=\"https://sp/slo-post-response\"/>"
                        + "<md:NameIDFormat>");
        assertThat(SpMetadata.parse(xml.getBytes(StandardCharsets.UTF_8)).singleLogoutUrl())
                .isEqualTo("https://sp/slo-post-response");
        String none = TestSp.spidMetadataXml(TestSp.key().certificate(), TestSp.ACS_URL)
                .replaceAll("<md:SingleLogoutService [^>]*/>", "");
        assertThat(SpMetadata.parse(none.getBytes(StandardCharsets.UTF_8)).singleLogoutUrl()).isNull();
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
