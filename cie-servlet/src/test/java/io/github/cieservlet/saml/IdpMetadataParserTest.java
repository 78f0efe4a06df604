package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class IdpMetadataParserTest {

    private static final X509Certificate SIGNING = TestCredentials.idp().certificate();
    private static final X509Certificate ENCRYPTION = TestCredentials.attacker().certificate();
    private static final String CIE = IdpMetadataXml.document(SIGNING, ENCRYPTION);

    private static IdpMetadata parse(String xml) throws SamlXmlException {
        return IdpMetadataParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fixtureIsValidSamlMetadata() throws Exception {
        MetadataSchema.validate(SecureXml.parse(CIE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void readsEntityIdEndpointsAndSigningCertificateOfTheCieIdp() throws Exception {
        IdpMetadata idp = parse(CIE);
        assertThat(idp.entityId()).isEqualTo(TestSettings.IDP_ENTITY_ID);
        assertThat(idp.ssoUrl(RequestBinding.POST)).contains(IdpMetadataXml.SSO_POST);
        assertThat(idp.ssoUrl(RequestBinding.REDIRECT)).contains(IdpMetadataXml.SSO_REDIRECT);
        assertThat(idp.sloRedirectUrl()).contains(IdpMetadataXml.SLO_REDIRECT);
        assertThat(idp.signingCertificates()).containsExactly(SIGNING);
    }

    @Test
    void keyDescriptorWithoutUseCountsAsSigning() throws Exception {
        IdpMetadata idp = parse(CIE.replace("<md:KeyDescriptor use=\"encryption\">", "<md:KeyDescriptor>"));
        assertThat(idp.signingCertificates()).containsExactly(SIGNING, ENCRYPTION);
    }

    @Test
    void idpWithOnlyAnEncryptionKeyIsRefused() {
        String xml = CIE.replace("<md:KeyDescriptor use=\"signing\">", "<md:KeyDescriptor use=\"encryption\">");
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(SamlXmlException.class).hasMessageContaining("signing certificate");
    }

    @Test
    void missingRedirectSsoAndSloAreReportedAsAbsent() throws Exception {
        String xml = CIE.replaceAll("<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\"[^>]*/>", "")
                .replaceAll("<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\"[^>]*/>", "");
        IdpMetadata idp = parse(xml);
        assertThat(idp.ssoUrl(RequestBinding.POST)).contains(IdpMetadataXml.SSO_POST);
        assertThat(idp.ssoUrl(RequestBinding.REDIRECT)).isEmpty();
        assertThat(idp.sloRedirectUrl()).isEmpty();
    }

    @Test
    void idpWithoutPostOrRedirectSsoIsRefused() {
        String xml = CIE.replaceAll("<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-(POST|Redirect)\"[^>]*/>", "");
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(SamlXmlException.class).hasMessageContaining("SingleSignOnService");
    }

    @Test
    void idpThatDoesNotSupportSaml2IsRefused() {
        String xml = CIE.replace("urn:oasis:names:tc:SAML:2.0:protocol urn:oasis:names:tc:SAML:1.1:protocol",
                "urn:oasis:names:tc:SAML:1.1:protocol");
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(SamlXmlException.class).hasMessageContaining("exactly one");
    }

    @Test
    void entitiesDescriptorWithOneIdpAndAnSpIsAccepted() throws Exception {
        String sp = new SpMetadataFactory(TestSettings.settings()).signedXml().replaceFirst("<\\?xml[^>]*\\?>", "");
        String xml = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + sp + IdpMetadataXml.entityDescriptor(IdpMetadataXml.ENTITY_ID, SIGNING, ENCRYPTION)
                + "</md:EntitiesDescriptor>";
        assertThat(parse(xml).entityId()).isEqualTo(IdpMetadataXml.ENTITY_ID);
    }

    @Test
    void entitiesDescriptorWithTwoIdpsIsRefusedAsAmbiguous() {
        String xml = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + IdpMetadataXml.entityDescriptor(IdpMetadataXml.ENTITY_ID, SIGNING, ENCRYPTION)
                + "<md:EntitiesDescriptor>"
                + IdpMetadataXml.entityDescriptor("https://other.example.it/idp", ENCRYPTION, SIGNING)
                + "</md:EntitiesDescriptor></md:EntitiesDescriptor>";
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(SamlXmlException.class).hasMessageContaining("it has 2");
    }

    @Test
    void spMetadataIsRefused() {
        String sp = new SpMetadataFactory(TestSettings.settings()).signedXml();
        assertThatThrownBy(() -> parse(sp)).isInstanceOf(SamlXmlException.class).hasMessageContaining("it has 0");
    }

    @Test
    void documentThatIsNotMetadataIsRefused() {
        String request = "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\"/>";
        assertThatThrownBy(() -> parse(request)).isInstanceOf(SamlXmlException.class).hasMessageContaining("not SAML metadata");
        assertThatThrownBy(() -> parse("not xml")).isInstanceOf(SamlXmlException.class);
    }

    @Test
    void doctypeIsRefused() {
        String xml = CIE.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(SamlXmlException.class);
    }
}
