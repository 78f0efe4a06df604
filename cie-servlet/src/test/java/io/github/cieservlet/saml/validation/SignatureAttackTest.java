package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.RESPONSE_ID;
import static io.github.cieservlet.saml.validation.TestResponses.assertionElement;
import static io.github.cieservlet.saml.validation.TestResponses.child;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.testing.TestCredentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Forged and weakened signatures, through the ACS pipeline ({@link AcsPipeline}). Complements
 * {@link SignatureValidationTest} (missing signatures, SHA-1, wrong key) and {@link SignatureWrappingTest}.
 */
class SignatureAttackTest {

    private static final String DS = SignatureConstants.XMLSIG_NS;

    /**
     * Guards SignatureAlgorithmCheck: only RSA-SHA256/384/512. HMAC would let anyone who knows the IdP's public
     * certificate "sign" with it as the shared secret; DSA, ECDSA, MD5 and SHA-1 are outside the CIE profile.
     * The SignatureMethod is changed after signing: the check must refuse before any cryptography.
     */
    @ParameterizedTest(name = "SignatureMethod {0}")
    @ValueSource(strings = {"http://www.w3.org/2000/09/xmldsig#hmac-sha1", "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256",
        "http://www.w3.org/2000/09/xmldsig#dsa-sha1", "http://www.w3.org/2009/xmldsig11#dsa-sha256",
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
        "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1"})
    void assertionSignatureMethodOutsideTheProfile_isRefused(String algorithm) {
        byte[] xml = response().unsignedResponse().afterSigning(document -> child(signedInfo(assertionElement(document)),
                DS, "SignatureMethod").setAttributeNS(null, "Algorithm", algorithm)).receivedXml();

        assertThat(refusalCode(xml)).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    /** Guards SignatureAlgorithmCheck on the digest: SHA-256/384/512 only. */
    @ParameterizedTest(name = "DigestMethod {0}")
    @ValueSource(strings = {"http://www.w3.org/2000/09/xmldsig#sha1", "http://www.w3.org/2001/04/xmldsig-more#sha224"})
    void responseDigestOutsideTheProfile_isRefused(String algorithm) {
        byte[] xml = response().afterSigning(document -> child(child(signedInfo(document.getDocumentElement()), DS, "Reference"),
                DS, "DigestMethod").setAttributeNS(null, "Algorithm", algorithm)).receivedXml();

        assertThat(refusalCode(xml)).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    /** MD5 is refused earlier still, by Santuario's secure validation: as a SignatureMethod, when unmarshalled. */
    @Test
    void rsaMd5SignatureMethod_isRefusedWhenUnmarshalled() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> child(signedInfo(assertionElement(document)),
                DS, "SignatureMethod").setAttributeNS(null, "Algorithm", "http://www.w3.org/2001/04/xmldsig-more#rsa-md5"))
                .receivedXml();

        assertThat(refusalCode(xml)).isEqualTo(CieError.MALFORMED_RESPONSE);
    }

    /** MD5 as a DigestMethod: Santuario's secure validation will not read the Reference. */
    @Test
    void md5Digest_isRefused() {
        byte[] xml = response().afterSigning(document -> child(child(signedInfo(document.getDocumentElement()), DS, "Reference"),
                DS, "DigestMethod").setAttributeNS(null, "Algorithm", "http://www.w3.org/2001/04/xmldsig-more#md5")).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).startsWith("Response signature");
    }

    /** Guards the "#ID of the enclosing element" rule: an empty URI means the whole document. */
    @Test
    void assertionReferenceUriEmpty_isRefused() {
        CieAuthenticationException refusal = AcsPipeline.refusal(assertionReferenceUri(""));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).startsWith("Assertion signature");
    }

    /** Guards the same rule: the Assertion's signature pointing at the (signed) Response instead. */
    @Test
    void assertionReferenceUriPointingToTheResponse_isRefused() {
        CieAuthenticationException refusal = AcsPipeline.refusal(assertionReferenceUri("#" + RESPONSE_ID));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).startsWith("Assertion signature");
    }

    /** Guards the same rule: an ID that is nowhere in the document. */
    @Test
    void assertionReferenceUriPointingNowhere_isRefused() {
        assertThat(AcsPipeline.refusal(assertionReferenceUri("#_nowhere")).error()).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    /** Guards the same rule, and that nothing is fetched: an external URI. */
    @Test
    void assertionReferenceUriExternal_isRefusedWithoutFetchingIt() {
        byte[] xml = assertionReferenceUri("http://127.0.0.1:9/never-fetched");

        CieAuthenticationException refusal = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> AcsPipeline.refusal(xml));
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    /** Guards SignatureCheck's "exactly one ds:Signature child", on the Response. */
    @Test
    void responseWithTwoSignatures_isRefused() {
        byte[] xml = response().afterSigning(document -> {
            Element signature = child(document.getDocumentElement(), DS, "Signature");
            document.getDocumentElement().insertBefore(signature.cloneNode(true), signature);
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).contains("Response has 2 ds:Signature children");
    }

    /** Guards the metadata-only trust: the attacker's signature, with the IdP's own certificate copied into KeyInfo. */
    @Test
    void assertionSignedByAnotherKey_withTheIdpCertificateInKeyInfo_isRefused() {
        String idpCertificate = certificateText(response().signedXml());
        byte[] xml = response().unsignedResponse().assertionSignedBy(TestCredentials.attacker())
                .afterSigning(document -> document.getElementsByTagNameNS(DS, "X509Certificate").item(0)
                        .setTextContent(idpCertificate)).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).contains("does not verify with any of the 1 identity provider metadata certificate");
    }

    /**
     * Guards the transform allow-list (SAMLSignatureProfileValidator, then SignatureAlgorithmCheck): an XSLT
     * transform that would read a local file if executed is refused before any transform runs.
     */
    @Test
    void xsltTransformInTheSignature_isRefusedQuicklyWithoutRunningIt() {
        byte[] xml = response().unsignedResponse().afterSigning(ConformanceCases::addXsltTransform).receivedXml();

        CieAuthenticationException refusal = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> AcsPipeline.refusal(xml));
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).doesNotContain("root:");
    }

    /** Guards the same allow-list for an XPath filter transform. */
    @Test
    void xpathTransformInTheSignature_isRefused() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element transforms = child(child(signedInfo(assertionElement(document)), DS, "Reference"), DS, "Transforms");
            Element transform = document.createElementNS(DS, "ds:Transform");
            transform.setAttributeNS(null, "Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
            Element xpath = document.createElementNS(DS, "ds:XPath");
            xpath.setTextContent("not(ancestor-or-self::*[local-name()='AttributeStatement'])");
            transform.appendChild(xpath);
            transforms.insertBefore(transform, transforms.getFirstChild());
        }).receivedXml();

        assertThat(refusalCode(xml)).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    private static byte[] assertionReferenceUri(String uri) {
        return response().unsignedResponse().afterSigning(document -> child(signedInfo(assertionElement(document)), DS,
                "Reference").setAttributeNS(null, "URI", uri)).receivedXml();
    }

    private static Element signedInfo(Element signed) {
        return child(child(signed, DS, "Signature"), DS, "SignedInfo");
    }

    private static CieError refusalCode(byte[] xml) {
        return AcsPipeline.refusal(xml).error();
    }

    private static String certificateText(byte[] signedXml) {
        Document document = TestResponses.parse(signedXml);
        return document.getElementsByTagNameNS(DS, "X509Certificate").item(0).getTextContent();
    }
}
