package io.github.cieservlet.testidp.idp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.EnvelopedSignatureVerifier;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.saml.IdpMetadataParser;
import io.github.cieservlet.saml.SecureXml;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/** The SPID and FICEP test IdPs' metadata: SPID registry shape, signed with the IdP's own key. */
class SpidIdpMetadataDocumentTest {

    private static final String BASE = "http://localhost:8080/portale";
    private static final IdpCredentials KEY = IdpCredentials.generate(Clock.systemUTC(), IdpCredentials.RSA_BITS,
            IdpScheme.SPID.certificateSubject());

    @Test
    void spidMetadataIsSignedAndShapedLikeARegistryEntry() throws Exception {
        IdpEndpoints endpoints = new IdpEndpoints(IdpScheme.SPID, BASE);
        EntityDescriptor entity = SecureXml.parse(IdpMetadataDocument.buildSigned(endpoints, KEY),
                EntityDescriptor.class);

        assertThat(entity.getEntityID()).isEqualTo(BASE + "/cie-test-idp/spid");
        assertThat(entity.getID()).startsWith("_");
        assertThat(EnvelopedSignatureVerifier.isValid(entity, List.of(KEY.certificate()))).isTrue();
        assertThat(EnvelopedSignatureVerifier.isValid(entity, List.of(IdpCredentials.generate(Clock.systemUTC())
                .certificate()))).as("not with another key").isFalse();

        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        assertThat(idp.getWantAuthnRequestsSigned()).isTrue();
        assertThat(idp.getKeyDescriptors()).singleElement().satisfies(key -> {
            assertThat(key.getUse()).isEqualTo(UsageType.SIGNING);
            assertThat(KeyInfoSupport.getCertificates(key.getKeyInfo())).containsExactly(KEY.certificate());
        });
        assertThat(byBinding(idp.getSingleSignOnServices().stream())).containsExactlyInAnyOrderEntriesOf(Map.of(
                SAMLConstants.SAML2_REDIRECT_BINDING_URI, BASE + "/cie-test-idp/spid/sso",
                SAMLConstants.SAML2_POST_BINDING_URI, BASE + "/cie-test-idp/spid/sso"));
        assertThat(byBinding(idp.getSingleLogoutServices().stream())).containsExactlyInAnyOrderEntriesOf(Map.of(
                SAMLConstants.SAML2_REDIRECT_BINDING_URI, BASE + "/cie-test-idp/spid/slo",
                SAMLConstants.SAML2_POST_BINDING_URI, BASE + "/cie-test-idp/spid/slo"));
        assertThat(idp.getNameIDFormats()).extracting(NameIDFormat::getURI).containsExactly(NameIDType.TRANSIENT);
        assertThat(idp.getAttributes()).extracting(Attribute::getName)
                .containsExactlyElementsOf(IdpMetadataDocument.SPID_ATTRIBUTES)
                .contains("spidCode", "fiscalNumber", "dateOfBirth", "digitalAddress");
        assertThat(endpoints.metadataUrl()).isEqualTo(BASE + "/cie-test-idp/spid/metadata");
    }

    @Test
    void theServiceProviderReadsItWithItsOwnParser() throws Exception {
        IdpEndpoints endpoints = new IdpEndpoints(IdpScheme.SPID, BASE);
        IdpMetadata metadata = IdpMetadataParser.parse(IdpMetadataDocument.buildSigned(endpoints, KEY));
        assertThat(metadata.entityId()).isEqualTo(endpoints.entityId());
        assertThat(metadata.ssoUrl(RequestBinding.POST)).contains(BASE + "/cie-test-idp/spid/sso");
        assertThat(metadata.ssoUrl(RequestBinding.REDIRECT)).contains(BASE + "/cie-test-idp/spid/sso");
        assertThat(metadata.sloRedirectUrl()).contains(BASE + "/cie-test-idp/spid/slo");
        assertThat(metadata.signingCertificates()).containsExactly(KEY.certificate());
    }

    @Test
    void ficepHasItsOwnEntityIdAndListsTheEidasFullSet() throws Exception {
        IdpCredentials ficepKey = IdpCredentials.generate(Clock.systemUTC(), IdpCredentials.RSA_BITS,
                IdpScheme.FICEP.certificateSubject());
        IdpEndpoints endpoints = new IdpEndpoints(IdpScheme.FICEP, BASE);
        EntityDescriptor entity = SecureXml.parse(IdpMetadataDocument.buildSigned(endpoints, ficepKey),
                EntityDescriptor.class);
        assertThat(entity.getEntityID()).isEqualTo(BASE + "/cie-test-idp/ficep");
        assertThat(EnvelopedSignatureVerifier.isValid(entity, List.of(ficepKey.certificate()))).isTrue();
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        assertThat(idp.getSingleSignOnServices()).allSatisfy(sso ->
                assertThat(sso.getLocation()).isEqualTo(BASE + "/cie-test-idp/ficep/sso"));
        assertThat(idp.getAttributes()).extracting(Attribute::getName).containsExactlyElementsOf(EidasAttributeSets.FULL);
        X509Certificate certificate = ficepKey.certificate();
        assertThat(certificate.getSubjectX500Principal().getName()).contains("ficep");
    }

    private static Map<String, String> byBinding(Stream<? extends Endpoint> endpoints) {
        return endpoints.collect(Collectors.toMap(Endpoint::getBinding, Endpoint::getLocation));
    }
}
