package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.ASSERTION_ID;
import static io.github.cieservlet.saml.validation.TestResponses.FISCAL_CODE;
import static io.github.cieservlet.saml.validation.TestResponses.assertionElement;
import static io.github.cieservlet.saml.validation.TestResponses.child;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The eight classic XML Signature Wrapping attacks (XSW1-XSW8, Somorovsky et al., "On Breaking SAML", 2012), each
 * on a Response signed by the identity provider and rearranged by an attacker so that a careless validator would
 * verify one element and read another, carrying the attacker's fiscal number. All run through the ACS pipeline
 * ({@link AcsPipeline}).
 *
 * <p>Defence guarded (SignatureCheck): each signature must be the only ds:Signature child of its element and
 * reference that element's own ID (OpenSAML's SAMLSignatureProfileValidator plus the "#ID, registered, unique"
 * check); AssertionCountCheck: exactly one Assertion, a direct child of the Response; and the validator reads
 * only the verified objects. Each test pins the code and which check refused, so that removing that check makes it
 * fail.
 */
class SignatureWrappingTest {

    private static final String DS = SignatureConstants.XMLSIG_NS;
    private static final String SAML = SAMLConstants.SAML20_NS;
    private static final String SAMLP = SAMLConstants.SAML20P_NS;
    private static final String ATTACKER_FISCAL_NUMBER = "TINIT-VRDGPP80A01H501X";

    /** XSW1: a forged Response keeps the signature; the signed original Response hides inside that ds:Signature. */
    @Test
    void xsw1_signedResponseMovedIntoTheSignatureOfAForgedResponse_isRefusedWhenUnmarshalled() {
        byte[] xml = response().afterSigning(document -> {
            Element original = document.getDocumentElement();
            Element forged = forgedResponse(original);
            document.replaceChild(forged, original);
            signatureOf(forged).appendChild(original);
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        // Santuario (secure validation) refuses any element but ds:Object after KeyInfo, so unmarshalling fails
        assertThat(refusal.error()).isEqualTo(CieError.MALFORMED_RESPONSE);
        assertThat(refusal.getMessage()).contains("Response is not permitted in this location in the Signature");
    }

    /** XSW2: as XSW1, but the signed original Response sits beside the signature, as a detached copy. */
    @Test
    void xsw2_signedResponseCopiedBesideTheSignatureOfAForgedResponse_isRefused() {
        byte[] xml = response().afterSigning(document -> {
            Element original = document.getDocumentElement();
            Element forged = forgedResponse(original);
            document.replaceChild(forged, original);
            forged.insertBefore(original, signatureOf(forged));
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).startsWith("Response signature does not follow the SAML signature profile")
                .contains("does not point to the parent ID");
    }

    /** XSW3: an unsigned forged Assertion inserted before the signed one. */
    @Test
    void xsw3_unsignedForgedAssertionBeforeTheSignedOne_isRefused() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = forgedAssertion(original, true);
            document.getDocumentElement().insertBefore(forged, original);
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_ASSERTION);
        assertThat(refusal.getMessage()).contains("2 Assertions");
    }

    /** XSW4: the signed Assertion becomes a child of an unsigned forged Assertion. */
    @Test
    void xsw4_signedAssertionWrappedInsideAnUnsignedForgedAssertion_isRefused() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = forgedAssertion(original, true);
            document.getDocumentElement().replaceChild(forged, original);
            forged.appendChild(original);
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_MISSING);
        assertThat(refusal.getMessage()).isEqualTo("Assertion is not signed");
    }

    /** XSW5: a forged Assertion carries a copy of the signature; the original, unsigned, goes to the end of the Response. */
    @Test
    void xsw5_forgedAssertionWithTheCopiedSignature_originalAppendedUnsigned_isRefused() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = forgedAssertion(original, false);
            original.removeChild(signatureOf(original));
            document.getDocumentElement().replaceChild(forged, original);
            document.getDocumentElement().appendChild(original);
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_ASSERTION);
        assertThat(refusal.getMessage()).contains("2 Assertions");
    }

    /** XSW5 without the second Assertion: the original, unsigned, hidden in the Response Extensions. */
    @Test
    void xsw5_forgedAssertionWithTheCopiedSignature_originalInExtensions_isRefusedAtTheSignature() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = forgedAssertion(original, false);
            original.removeChild(signatureOf(original));
            document.getDocumentElement().replaceChild(forged, original);
            extensions(document).appendChild(original);
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        // without this check the forged Assertion is accepted: the copied signature still verifies over the original
        assertThat(refusal.getMessage()).startsWith("Assertion signature does not follow the SAML signature profile")
                .contains("does not point to the parent ID");
    }

    /** XSW6: a forged Assertion carries the copied signature, and the original (unsigned) sits inside that signature. */
    @Test
    void xsw6_originalAssertionInsideTheCopiedSignatureOfAForgedAssertion_isRefusedWhenUnmarshalled() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = forgedAssertion(original, false);
            original.removeChild(signatureOf(original));
            document.getDocumentElement().replaceChild(forged, original);
            signatureOf(forged).appendChild(original);
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        // Santuario (secure validation) refuses any element but ds:Object after KeyInfo, so unmarshalling fails
        assertThat(refusal.error()).isEqualTo(CieError.MALFORMED_RESPONSE);
        assertThat(refusal.getMessage()).contains("Assertion is not permitted in this location in the Signature");
    }

    /** XSW7: the signed original goes into an Extensions element; an unsigned forged Assertion takes its place. */
    @Test
    void xsw7_signedAssertionMovedIntoExtensions_unsignedForgedAssertionInItsPlace_isRefused() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = forgedAssertion(original, true);
            document.getDocumentElement().replaceChild(forged, original);
            extensions(document).appendChild(original);
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_MISSING);
    }

    /** XSW8: a forged Assertion carries the copied signature, with the original (unsigned) in a ds:Object of it. */
    @Test
    void xsw8_originalAssertionInADsObjectOfTheCopiedSignature_isRefused() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = forgedAssertion(original, false);
            original.removeChild(signatureOf(original));
            document.getDocumentElement().replaceChild(forged, original);
            Element object = document.createElementNS(DS, "ds:Object");
            signatureOf(forged).appendChild(object);
            object.appendChild(original);
        }).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).startsWith("Assertion signature does not follow the SAML signature profile");
    }

    /** The signed Assertion moved into the Advice of an unsigned forged Assertion. */
    @Test
    void signedAssertionMovedIntoTheAdviceOfAForgedAssertion_isRefused() {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element original = assertionElement(document);
            Element forged = forgedAssertion(original, true);
            Element advice = document.createElementNS(SAML, "saml2:Advice");
            forged.insertBefore(advice, child(forged, SAML, "AuthnStatement"));
            document.getDocumentElement().replaceChild(forged, original);
            advice.appendChild(original);
        }).receivedXml();

        assertThat(AcsPipeline.refusal(xml).error()).isEqualTo(CieError.SIGNATURE_MISSING);
    }

    /**
     * A forged Assertion beside the real one but outside the Response's Assertion list (in the unsigned Response's
     * Extensions, before the real one in document order): the Response is accepted, with the identity of the
     * verified Assertion (the unsigned Response's Extensions are never read). Guards that the identity is read from the verified object, never by searching the document.
     */
    @Test
    void forgedAssertionInExtensions_neverProvidesTheIdentity() throws CieAuthenticationException {
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element forged = forgedAssertion(assertionElement(document), true);
            extensions(document).appendChild(forged);
        }).receivedXml();

        ValidatedResponse validated = AcsPipeline.consume(xml);
        assertThat(validated.assertionId()).isEqualTo(ASSERTION_ID);
        assertThat(validated.identity().getFiscalCode()).isEqualTo(FISCAL_CODE);
    }

    /** Same, with the Response signed by the IdP before the attacker adds the forged Assertion. */
    @Test
    void forgedAssertionAddedToASignedResponse_isRefused() {
        byte[] xml = response().afterSigning(document -> extensions(document)
                .appendChild(forgedAssertion(assertionElement(document), true))).receivedXml();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);
        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).startsWith("Response signature does not verify");
    }

    /** @return a copy of the Response with another ID and a forged unsigned Assertion, keeping the original signature */
    static Element forgedResponse(Element original) {
        Element forged = (Element) original.cloneNode(true);
        forged.setAttributeNS(null, "ID", "_evil-response");
        Element assertion = child(forged, SAML, "Assertion");
        forged.replaceChild(forgedAssertion(assertion, true), assertion);
        return forged;
    }

    /**
     * @param original the signed Assertion element
     * @param dropSignature whether the forged copy loses the signature (else it keeps a copy of it)
     * @return a copy with another ID and the attacker's fiscal number
     */
    private static Element forgedAssertion(Element original, boolean dropSignature) {
        Element forged = (Element) original.cloneNode(true);
        forged.setAttributeNS(null, "ID", "_evil-assertion");
        if (dropSignature) {
            forged.removeChild(signatureOf(forged));
        }
        ConformanceCases.setAttributeValue(forged, "fiscalNumber", ATTACKER_FISCAL_NUMBER);
        return forged;
    }

    /** @return a new samlp:Extensions of the Response, placed where the schema allows it (before Status) */
    private static Element extensions(Document document) {
        Element response = document.getDocumentElement();
        Element extensions = document.createElementNS(SAMLP, "saml2p:Extensions");
        response.insertBefore(extensions, child(response, SAMLP, "Status"));
        return extensions;
    }

    static Element signatureOf(Element element) {
        return child(element, DS, "Signature");
    }
}
