package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.ASSERTION_ID;
import static io.github.cieservlet.saml.validation.TestResponses.assertionElement;
import static io.github.cieservlet.saml.validation.TestResponses.child;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.refusal;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.testing.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Extensions;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signatures (saml-check cases 2-6, 100, 112, 113): presence, trusted key, algorithms, and the wrapping attacks
 * that try to make the validator read an element other than the signed one.
 */
class SignatureValidationTest {

    private static final String DS = SignatureConstants.XMLSIG_NS;

    @Test
    void case02_neitherResponseNorAssertionSigned_isRefused() {
        assertThat(errorOf(response().unsignedResponse().unsignedAssertion().received())).isEqualTo(CieError.SIGNATURE_MISSING);
    }

    @Test
    void case03_signedResponseWithUnsignedAssertion_isRefused() {
        CieAuthenticationException refusal = refusal(response().unsignedAssertion().received());

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_MISSING);
        assertThat(refusal.getMessage()).contains("Assertion");
    }

    @Test
    void case04_responseSignedWithAnotherKey_isRefusedEvenWithItsCertificateInKeyInfo() {
        Response response = response().unsignedAssertion().responseSignedBy(TestCredentials.attacker()).received();

        assertThat(keyInfoCertificates(response)).contains(base64(TestCredentials.attacker().certificate()));
        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    @Test
    void case100_assertionSignedWithAnotherKey_isRefusedEvenInsideAResponseSignedByTheIdp() {
        Response response = response().assertionSignedBy(TestCredentials.attacker()).received();

        assertThat(keyInfoCertificates(response)).contains(base64(TestCredentials.attacker().certificate()));
        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    @Test
    void assertionSignedWithAnotherKey_isRefusedInAnUnsignedResponse() {
        assertThat(errorOf(response().unsignedResponse().assertionSignedBy(TestCredentials.attacker()).received()))
                .isEqualTo(CieError.SIGNATURE_INVALID);
    }

    @Test
    void metadataWithSeveralCertificates_acceptsASignatureByAnyOfThem() throws CieAuthenticationException {
        ValidatedResponse validated = TestResponses.validator().validate(response().received(), TestResponses.pending(),
                TestResponses.idp(List.of(TestCredentials.attacker().certificate(), TestCredentials.idp().certificate())));

        assertThat(validated.assertionId()).isEqualTo(ASSERTION_ID);
    }

    @Test
    void assertionSignedWithRsaSha1_isRefused() {
        Response response = response().assertionAlgorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
                SignatureConstants.ALGO_ID_DIGEST_SHA256).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void responseSignedWithRsaSha1_isRefused() {
        Response response = response().responseAlgorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
                SignatureConstants.ALGO_ID_DIGEST_SHA256).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void assertionDigestSha1_isRefused() {
        Response response = response().assertionAlgorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                SignatureConstants.ALGO_ID_DIGEST_SHA1).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rsaSha512WithSha384Digest_isAccepted() throws CieAuthenticationException {
        Response response = response()
                .assertionAlgorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, SignatureConstants.ALGO_ID_DIGEST_SHA384)
                .responseAlgorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384, SignatureConstants.ALGO_ID_DIGEST_SHA512)
                .received();

        assertThat(TestResponses.validate(response).assertionId()).isEqualTo(ASSERTION_ID);
    }

    @Test
    void signedInfoWithInclusiveCanonicalisation_isRefused() {
        Response response = response().unsignedResponse().afterSigning(document -> {
            Element signedInfo = child(signatureOf(assertionElement(document)), DS, "SignedInfo");
            child(signedInfo, DS, "CanonicalizationMethod").setAttributeNS(null, "Algorithm",
                    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
        }).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void assertionChangedAfterSigning_isRefused() {
        Response response = response().unsignedResponse().afterSigning(document -> {
            Element issueInstantHolder = assertionElement(document);
            issueInstantHolder.setAttributeNS(null, "IssueInstant", "2025-03-14T10:15:29.250Z");
        }).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    @Test
    void case113_signedResponseWhoseAssertionWasSwappedAfterSigning_isRefused() {
        byte[] otherSignedResponse = response()
                .editAssertion(assertion -> TestResponses.replaceAttributeValue(assertion, "fiscalNumber", "TINIT-VRDGPP80A01H501X"))
                .signedXml();
        Response response = response().afterSigning(document -> {
            Node swapped = document.importNode(assertionElement(TestResponses.parse(otherSignedResponse)), true);
            document.getDocumentElement().replaceChild(swapped, assertionElement(document));
        }).received();

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).startsWith("Response signature");
    }

    @Test
    void case112_signedResponseWithAnUnsignedAssertionInsertedAfterSigning_isRefused() {
        Response response = response().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = (Element) original.cloneNode(true);
            forged.removeChild(signatureOf(forged));
            forged.setAttributeNS(null, "ID", "_forged");
            document.getDocumentElement().insertBefore(forged, original);
        }).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ASSERTION);
    }

    @Test
    void secondAssertionInsideTheSignedResponse_isRefused() {
        Response response = response().edit(r -> {
            Assertion second = TestResponses.validAssertion();
            second.setID("_second");
            r.getAssertions().add(second);
        }).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ASSERTION);
    }

    @Test
    void encryptedAssertion_isRefused() {
        Response response = response().edit(r -> r.getEncryptedAssertions()
                .add(TestResponses.build(EncryptedAssertion.DEFAULT_ELEMENT_NAME))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ASSERTION);
    }

    @Test
    void wrapping_forgedAssertionCarryingTheOriginalSignature_originalHiddenInExtensions_isRefused() {
        Response response = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = (Element) original.cloneNode(true);
            forged.setAttributeNS(null, "ID", "_forged");
            setFiscalNumber(forged, "TINIT-VRDGPP80A01H501X");
            Element extensions = document.createElementNS(SAMLConstants.SAML20P_NS, "saml2p:" + Extensions.DEFAULT_ELEMENT_LOCAL_NAME);
            document.getDocumentElement().insertBefore(extensions, original);
            document.getDocumentElement().replaceChild(forged, original);
            extensions.appendChild(original);
        }).received();

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).contains("Assertion signature");
    }

    @Test
    void wrapping_forgedAssertionWithTheSameIdAsTheHiddenOriginal_isRefused() {
        Response response = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = (Element) original.cloneNode(true);
            setFiscalNumber(forged, "TINIT-VRDGPP80A01H501X");
            Element extensions = document.createElementNS(SAMLConstants.SAML20P_NS, "saml2p:" + Extensions.DEFAULT_ELEMENT_LOCAL_NAME);
            document.getDocumentElement().insertBefore(extensions, original);
            document.getDocumentElement().replaceChild(forged, original);
            extensions.appendChild(original);
        }).received();

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).contains("occurs 2 times");
    }

    @Test
    void wrapping_signedOriginalNestedInsideAnUnsignedForgedAssertion_isRefused() {
        Response response = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = (Element) original.cloneNode(true);
            forged.removeChild(signatureOf(forged));
            forged.setAttributeNS(null, "ID", "_forged");
            Element advice = document.createElementNS(SAMLConstants.SAML20_NS, "saml2:Advice");
            forged.insertBefore(advice, child(forged, SAMLConstants.SAML20_NS, "AuthnStatement"));
            document.getDocumentElement().replaceChild(forged, original);
            advice.appendChild(original);
        }).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_MISSING);
    }

    @Test
    void assertionWithTwoSignatures_isRefused() {
        Response response = response().unsignedResponse().afterSigning(document -> {
            Element assertion = assertionElement(document);
            Element signature = signatureOf(assertion);
            assertion.insertBefore(signature.cloneNode(true), signature);
        }).received();

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).contains("2 ds:Signature");
    }

    @Test
    void case33_assertionIdEmptied_isRefusedBecauseTheSignatureNoLongerPointsToIt() {
        Response response = response().unsignedResponse()
                .afterSigning(document -> assertionElement(document).setAttributeNS(null, "ID", "")).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    @Test
    void case34_assertionIdRemoved_isRefusedBecauseTheSignatureNoLongerPointsToIt() {
        Response response = response().unsignedResponse()
                .afterSigning(document -> assertionElement(document).removeAttributeNS(null, "ID")).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    @Test
    void assertionSignedWithoutId_isRefused() {
        Response response = response().editAssertion(assertion -> assertion.setID(null)).unsignedResponse().received();

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).contains("Reference URI ''");
    }

    private static Element signatureOf(Element element) {
        return child(element, DS, "Signature");
    }

    private static void setFiscalNumber(Element assertion, String value) {
        Element statement = child(assertion, SAMLConstants.SAML20_NS, "AttributeStatement");
        for (Node node = statement.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && "fiscalNumber".equals(((Element) node).getAttribute("Name"))) {
                child((Element) node, SAMLConstants.SAML20_NS, "AttributeValue").setTextContent(value);
            }
        }
    }

    private static String keyInfoCertificates(Response response) {
        Document document = response.getDOM().getOwnerDocument();
        StringBuilder certificates = new StringBuilder();
        var nodes = document.getElementsByTagNameNS(DS, "X509Certificate");
        for (int i = 0; i < nodes.getLength(); i++) {
            certificates.append(nodes.item(i).getTextContent().replaceAll("\\s", "")).append('\n');
        }
        return certificates.toString();
    }

    private static String base64(java.security.cert.X509Certificate certificate) {
        try {
            return new String(Base64.getEncoder().encode(certificate.getEncoded()), StandardCharsets.US_ASCII);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
