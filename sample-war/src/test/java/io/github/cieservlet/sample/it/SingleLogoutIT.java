package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.saml.MetadataKeys;
import io.github.cieservlet.saml.RedirectBinding;
import io.github.cieservlet.saml.SamlIds;
import io.github.cieservlet.saml.SamlObjects;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.idp.IdpMetadataDocument;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.htmlunit.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;

/**
 * The SingleLogoutService of a portal that trusts an IdP key held by this test: a LogoutRequest signed by the
 * IdP is answered with a LogoutResponse signed by the SP; one signed by anyone else is refused.
 */
class SingleLogoutIT {

    private static final IdpEndpoints IDP = new IdpEndpoints("http://127.0.0.1:9");
    private static final IdpCredentials IDP_KEY = IdpCredentials.generate(Clock.systemUTC());
    private static final IdpCredentials ATTACKER = IdpCredentials.generate(Clock.systemUTC());

    @TempDir
    static Path dir;

    private static Server server;
    private static String base;

    @BeforeAll
    static void startTrustingTheTestKey() throws Exception {
        Path metadata = dir.resolve("idp-metadata.xml");
        Files.write(metadata, IdpMetadataDocument.build(IDP, IDP_KEY.certificate()));
        server = PortalServer.startAnother(Map.of("cie.idpMetadata", metadata.toUri().toString()));
        base = PortalServer.baseUrlOf(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static String signedLogoutRequest(String id, IdpCredentials signer) {
        LogoutRequest request = SamlObjects.build(LogoutRequest.DEFAULT_ELEMENT_NAME, LogoutRequest.class);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(Instant.now());
        request.setDestination(base + "/cie/slo");
        Issuer issuer = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME, Issuer.class);
        issuer.setFormat(NameIDType.ENTITY);
        issuer.setValue(IDP.entityId());
        request.setIssuer(issuer);
        NameID nameId = SamlObjects.build(NameID.DEFAULT_ELEMENT_NAME, NameID.class);
        nameId.setFormat(NameIDType.TRANSIENT);
        nameId.setNameQualifier(IDP.entityId());
        nameId.setValue("_transient-name-id");
        request.setNameID(nameId);
        return RedirectBinding.signedQuery("SAMLRequest", SecureXml.toXml(request), "rs-1", signer.privateKey(),
                signer.certificate());
    }

    private static List<X509Certificate> spCertificates(CieBrowser browser) throws Exception {
        byte[] metadata = browser.get("/cie/metadata").getWebResponse().getContentAsString().getBytes(StandardCharsets.UTF_8);
        EntityDescriptor sp = SecureXml.parse(metadata, EntityDescriptor.class);
        return MetadataKeys.signingCertificates(sp.getSPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol"));
    }

    @Test
    void logoutRequestSignedByTheIdpGetsASignedLogoutResponse() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", base)) {
            browser.client().getOptions().setRedirectEnabled(false);
            String requestId = SamlIds.newId();
            Page answer = browser.get("/cie/slo?" + signedLogoutRequest(requestId, IDP_KEY));
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(303);
            URI location = URI.create(answer.getWebResponse().getResponseHeaderValue("Location"));
            assertThat(location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath())
                    .isEqualTo(IDP.sloRedirectUrl());
            String query = location.getRawQuery();
            assertThat(query).contains("&RelayState=rs-1&SigAlg=");
            assertThat(RedirectBinding.verify(query, "SAMLResponse", spCertificates(browser))).isTrue();
            String encoded = java.net.URLDecoder.decode(query.replaceAll("^SAMLResponse=([^&]*).*$", "$1"), StandardCharsets.UTF_8);
            LogoutResponse response = SecureXml.parse(RedirectBinding.decodeAndInflate(encoded, 100_000), LogoutResponse.class);
            assertThat(response.getInResponseTo()).isEqualTo(requestId);
            assertThat(response.getDestination()).isEqualTo(IDP.sloRedirectUrl());
            assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        }
    }

    @Test
    void logoutRequestSignedByAnotherKeyIsRefused() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", base)) {
            Page answer = browser.get("/cie/slo?" + signedLogoutRequest(SamlIds.newId(), ATTACKER));
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(answer.getWebResponse().getContentAsString()).contains("CIE-INVALID_LOGOUT_MESSAGE");
        }
    }

    @Test
    void unexpectedLogoutResponseLeadsHome() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", base)) {
            browser.client().getOptions().setRedirectEnabled(false);
            Page answer = browser.get("/cie/slo?SAMLResponse=anything");
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(303);
            assertThat(answer.getWebResponse().getResponseHeaderValue("Location")).isEqualTo(base + "/");
        }
    }
}
