package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.XmlFixtureSigner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;

/**
 * {@link EnvelopedSignatureVerifier} (POST LogoutRequests, the tools' metadata check): each of its rules is the
 * only one refusing. The LogoutRequest is signed correctly by the identity provider with the rule broken
 * ({@link XmlFixtureSigner}), so the signature value verifies and only the rule under test says no.
 */
class EnvelopedSignatureVerifierTest {

    private static final String ID = "_5e1c0a9b7d3f4e2a8c6b4d2f0e8a6c4b";
    private static final String LOGOUT_REQUEST = "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
            + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + ID + "\" Version=\"2.0\""
            + " IssueInstant=\"2025-03-14T10:15:30Z\">"
            + "<saml:Issuer Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:entity\">https://idp.test</saml:Issuer>"
            + "<saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\""
            + " NameQualifier=\"https://idp.test\">_transient-42</saml:NameID>"
            + "<samlp:SessionIndex>_session-7</samlp:SessionIndex></samlp:LogoutRequest>";
    private static final List<X509Certificate> IDP = List.of(TestCredentials.idp().certificate());

    static {
        OpenSamlBootstrap.initialize();
    }

    @Test
    void control_signedAsTheProfileSays_isValidOnlyForTheSignersKey() {
        LogoutRequest request = signed(signer -> { });

        assertThat(EnvelopedSignatureVerifier.isValid(request, IDP)).isTrue();
        assertThat(EnvelopedSignatureVerifier.isValid(request, List.of(TestCredentials.attacker().certificate()))).isFalse();
        assertThat(EnvelopedSignatureVerifier.isValid(request,
                List.of(TestCredentials.attacker().certificate(), TestCredentials.idp().certificate()))).isTrue();
    }

    @Test
    void unsigned_isNotValid() {
        assertThat(EnvelopedSignatureVerifier.isValid(received(LOGOUT_REQUEST.getBytes(StandardCharsets.UTF_8)), IDP))
                .isFalse();
    }

    /** Two References (both to the request itself): Santuario verifies both; the SAML profile wants exactly one. */
    @Test
    void secondReference_isRefusedByTheSignatureProfile() {
        assertThat(EnvelopedSignatureVerifier.isValid(signed(signer -> signer.extraReference("#" + ID)), IDP)).isFalse();
    }

    /** A ds:Object (the classic place to hide a wrapped copy): the profile forbids it; Santuario ignores it. */
    @Test
    void dsObjectInTheSignature_isRefusedByTheSignatureProfile() {
        assertThat(EnvelopedSignatureVerifier.isValid(signed(XmlFixtureSigner::withObject), IDP)).isFalse();
    }

    /** Inclusive c14n as a Reference transform: valid XML-DSig, outside the profile's transforms. */
    @Test
    void inclusiveCanonicalisationTransform_isRefusedByTheSignatureProfile() {
        assertThat(EnvelopedSignatureVerifier.isValid(signed(signer -> signer.transforms(
                SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE, XmlFixtureSigner.C14N_INCLUSIVE)), IDP)).isFalse();
    }

    /** Inclusive c14n as the CanonicalizationMethod of SignedInfo: only the allow-list looks at it. */
    @Test
    void inclusiveCanonicalizationMethod_isRefusedByTheCanonicalisationAllowList() {
        assertThat(EnvelopedSignatureVerifier.isValid(signed(signer -> signer.canonicalization(XmlFixtureSigner.C14N_INCLUSIVE)),
                IDP)).isFalse();
    }

    /** exc-c14n WithComments as the CanonicalizationMethod: refused by the same allow-list. */
    @Test
    void exclusiveCanonicalizationWithComments_isRefusedByTheCanonicalisationAllowList() {
        assertThat(EnvelopedSignatureVerifier.isValid(signed(signer -> signer.canonicalization(
                SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS)), IDP)).isFalse();
    }

    private static LogoutRequest signed(Consumer<XmlFixtureSigner> rule) {
        Document document = parse(LOGOUT_REQUEST.getBytes(StandardCharsets.UTF_8));
        XmlFixtureSigner signer = XmlFixtureSigner.of(document.getDocumentElement());
        rule.accept(signer);
        signer.sign();
        return received(SerializeSupport.nodeToString(document.getDocumentElement()).getBytes(StandardCharsets.UTF_8));
    }

    private static Document parse(byte[] xml) {
        try {
            return XMLObjectProviderRegistrySupport.getParserPool().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the bytes as the SLO endpoint reads them */
    private static LogoutRequest received(byte[] xml) {
        try {
            return SecureXml.parse(xml, LogoutRequest.class);
        } catch (SamlXmlException e) {
            throw new IllegalStateException(e);
        }
    }
}
