package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class AuthnRequestEncoderTest {

    private static final String POST_SSO = "https://idp.example.it/idp/profile/SAML2/POST/SSO";
    private static final String REDIRECT_SSO = "https://idp.example.it/idp/profile/SAML2/Redirect/SSO";

    private final AuthnRequestFactory factory = new AuthnRequestFactory(TestSettings.settings());
    private final AuthnRequestEncoder encoder = new AuthnRequestEncoder(TestCredentials.sp());

    private static List<String> childNames(Element element) {
        List<String> names = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                names.add(n.getLocalName());
            }
        }
        return names;
    }

    @Test
    void postXmlHasTheSignatureRightAfterIssuer() throws Exception {
        String xml = encoder.signedPostXml(factory.create(SamlIds.newId(), Instant.now(), POST_SSO));
        Element root = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(childNames(root)).containsExactly("Issuer", "Signature", "NameIDPolicy", "RequestedAuthnContext");
    }

    @Test
    void postXmlSignatureVerifiesWithTheSpCertificateOnly() throws Exception {
        String id = SamlIds.newId();
        String xml = encoder.signedPostXml(factory.create(id, Instant.now(), POST_SSO));
        AuthnRequest parsed = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), AuthnRequest.class);
        assertThat(parsed.getID()).isEqualTo(id);
        assertThat(parsed.getSignature().getKeyInfo().getX509Datas()).hasSize(1);
        assertThat(EnvelopedSignatureVerifier.isValid(parsed, List.of(TestCredentials.sp().certificate()))).isTrue();
        assertThat(EnvelopedSignatureVerifier.isValid(parsed, List.of(TestCredentials.attacker().certificate()))).isFalse();
    }

    /** The ACS keeps the AuthnRequest as evidence by rebuilding it: RSA PKCS#1 v1.5 makes that byte for byte. */
    @Test
    void rebuiltRequestIsByteForByteTheOneSent() {
        String id = SamlIds.newId();
        Instant instant = Instant.parse("2026-11-28T01:02:03.456Z");
        String sent = encoder.xmlAsSent(factory.create(id, instant, POST_SSO), RequestBinding.POST);
        String rebuilt = new AuthnRequestEncoder(TestCredentials.sp()).xmlAsSent(new AuthnRequestFactory(
                TestSettings.settings()).create(id, instant, POST_SSO, CieLevel.L3, LevelComparison.MINIMUM),
                RequestBinding.POST);
        assertThat(rebuilt).isEqualTo(sent).contains("SignatureValue");
        String otherInstant = encoder.xmlAsSent(factory.create(id, instant.plusMillis(1), POST_SSO), RequestBinding.POST);
        assertThat(otherInstant).isNotEqualTo(sent);
        assertThat(encoder.xmlAsSent(factory.create(id, instant, REDIRECT_SSO), RequestBinding.REDIRECT))
                .isEqualTo(encoder.xmlAsSent(factory.create(id, instant, REDIRECT_SSO), RequestBinding.REDIRECT))
                .doesNotContain("SignatureValue");
    }

    @Test
    void tamperedPostXmlFailsVerification() throws Exception {
        String xml = encoder.signedPostXml(factory.create(SamlIds.newId(), Instant.now(), POST_SSO))
                .replace("SpidL3", "SpidL1");
        AuthnRequest parsed = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), AuthnRequest.class);
        assertThat(EnvelopedSignatureVerifier.isValid(parsed, List.of(TestCredentials.sp().certificate()))).isFalse();
    }

    @Test
    void redirectQueryIsSignedAndCarriesTheUnsignedRequest() throws Exception {
        String id = SamlIds.newId();
        String query = encoder.redirectQuery(factory.create(id, Instant.now(), REDIRECT_SSO), "tok-1");
        assertThat(query).startsWith("SAMLRequest=").contains("&RelayState=tok-1&SigAlg=").contains("&Signature=");
        assertThat(RedirectBinding.verify(query, "SAMLRequest", List.of(TestCredentials.sp().certificate()))).isTrue();
        assertThat(RedirectBinding.verify(query, "SAMLRequest", List.of(TestCredentials.attacker().certificate())))
                .isFalse();

        String encoded = URLDecoder.decode(RedirectBinding.rawParameters(query).get("SAMLRequest"), StandardCharsets.UTF_8);
        AuthnRequest sent = SecureXml.parse(RedirectBinding.decodeAndInflate(encoded, 100_000), AuthnRequest.class);
        assertThat(sent.getID()).isEqualTo(id);
        assertThat(sent.getDestination()).isEqualTo(REDIRECT_SSO);
        assertThat(sent.getSignature()).isNull();
    }

    @Test
    void redirectQueryWithoutRelayStateHasNoRelayStateParameter() {
        String query = encoder.redirectQuery(factory.create(SamlIds.newId(), Instant.now(), REDIRECT_SSO), null);
        assertThat(query).doesNotContain("RelayState");
        assertThat(RedirectBinding.verify(query, "SAMLRequest", List.of(TestCredentials.sp().certificate()))).isTrue();
    }

    @Test
    void anAlreadySignedRequestIsNotEncodedAgain() {
        AuthnRequest request = factory.create(SamlIds.newId(), Instant.now(), POST_SSO);
        encoder.signedPostXml(request);
        assertThatThrownBy(() -> encoder.redirectQuery(request, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.signedPostXml(request)).isInstanceOf(IllegalArgumentException.class);
    }
}
