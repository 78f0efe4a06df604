package io.github.cieservlet.testidp.idp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.config.Environment;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.SecureXml;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

class IdpMetadataDocumentTest {

    private static final String BASE = "http://localhost:8080/portale";

    @Test
    void describesTheIdpLikeTheMinistryDoes() throws Exception {
        IdpCredentials credentials = IdpCredentials.generate(Clock.systemUTC());
        IdpEndpoints endpoints = new IdpEndpoints(BASE);
        EntityDescriptor entity = SecureXml.parse(IdpMetadataDocument.build(endpoints, credentials.certificate()),
                EntityDescriptor.class);

        assertThat(entity.getEntityID()).isEqualTo(BASE + "/cie-test-idp/profile/SAML2/POST/SSO");
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        assertThat(idp).isNotNull();
        assertThat(idp.getWantAuthnRequestsSigned()).isTrue();

        List<KeyDescriptor> keys = idp.getKeyDescriptors();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).getUse()).isEqualTo(UsageType.SIGNING);
        List<X509Certificate> certificates = KeyInfoSupport.getCertificates(keys.get(0).getKeyInfo());
        assertThat(certificates).containsExactly(credentials.certificate());

        assertThat(byBinding(idp.getSingleSignOnServices())).containsExactlyInAnyOrderEntriesOf(Map.of(
                SAMLConstants.SAML2_REDIRECT_BINDING_URI, BASE + "/cie-test-idp/profile/SAML2/Redirect/SSO",
                SAMLConstants.SAML2_POST_BINDING_URI, BASE + "/cie-test-idp/profile/SAML2/POST/SSO"));
        assertThat(byBinding(idp.getSingleLogoutServices())).containsExactlyEntriesOf(Map.of(
                SAMLConstants.SAML2_REDIRECT_BINDING_URI, BASE + "/cie-test-idp/profile/SAML2/Redirect/SLO"));
        assertThat(IdpMetadataDocument.CONTENT_TYPE).isEqualTo("application/samlmetadata+xml");
    }

    @Test
    void isWhereTheServiceProviderLooksForItInTheLocalEnvironment() {
        IdpEndpoints endpoints = new IdpEndpoints(BASE);
        assertThat(endpoints.metadataUrl()).isEqualTo(Environment.LOCAL.defaultMetadataLocation(BASE));
        assertThat(IdpEndpoints.bindingName(RequestBinding.REDIRECT)).isEqualTo("HTTP-Redirect");
        assertThat(IdpEndpoints.bindingName(RequestBinding.POST)).isEqualTo("HTTP-POST");
    }

    @Test
    void theCertificateIsSelfSignedRsa2048WithSha256() throws Exception {
        X509Certificate certificate = IdpCredentials.generate(Clock.systemUTC()).certificate();
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(((java.security.interfaces.RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
    }

    private static Map<String, String> byBinding(List<? extends Endpoint> endpoints) {
        return endpoints.stream().collect(Collectors.toMap(Endpoint::getBinding, Endpoint::getLocation));
    }
}
