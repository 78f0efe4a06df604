package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.ASSERTION_ID;
import static io.github.cieservlet.saml.validation.TestResponses.RESPONSE_ID;
import static io.github.cieservlet.saml.validation.TestResponses.assertionElement;
import static io.github.cieservlet.saml.validation.TestResponses.child;
import static io.github.cieservlet.saml.validation.TestResponses.parse;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testing.XmlFixtureSigner;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Each of SignatureCheck's own rules is the ONLY thing refusing: the Response is built with the rule broken and
 * then signed correctly by the identity provider ({@link XmlFixtureSigner}), so the digest, the signature value
 * and OpenSAML's signature profile all pass, and the project's rule alone stands between the message and a
 * login. Each test has a control: the same construction without the fault is accepted.
 */
class SignatureRulesAloneTest {

    private static final String FOREIGN_NS = "urn:example:not-saml";

    @Test
    void control_bothSignedByTheFixtureSigner_isAccepted() throws CieAuthenticationException {
        ValidatedResponse accepted = AcsPipeline.consume(signed(document -> { }, assertion -> { }, response -> { }));

        assertThat(accepted.responseId()).isEqualTo(RESPONSE_ID);
        assertThat(accepted.assertionId()).isEqualTo(ASSERTION_ID);
    }

    /** The empty Reference URI ("the whole document") passes OpenSAML's profile; "#" + ID is ours (SignatureShape). */
    @Test
    void responseSignatureWithEmptyReferenceUri_isRefusedByTheReferenceUriRule() {
        CieAuthenticationException refusal = AcsPipeline.refusal(
                signed(document -> { }, assertion -> { }, response -> response.referenceUri("")));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).isEqualTo("Response signature does not follow the SAML signature profile:"
                + " Reference URI '' does not point to the parent ID '" + RESPONSE_ID + "'");
    }

    /** The same for the Assertion of an unsigned Response: its digest then covers the whole document. */
    @Test
    void assertionSignatureWithEmptyReferenceUri_isRefusedByTheReferenceUriRule() {
        CieAuthenticationException refusal = AcsPipeline.refusal(
                signed(document -> { }, assertion -> assertion.referenceUri(""), null));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).startsWith("Assertion signature does not follow the SAML signature profile:"
                + " Reference URI '' does not point to the parent ID");
    }

    /** OpenSAML's profile allows exc-c14n WithComments as a transform; the CIE allow-list does not. */
    @Test
    void transformWithComments_isRefusedByTheTransformAllowList() {
        CieAuthenticationException refusal = AcsPipeline.refusal(signed(document -> { },
                assertion -> assertion.transforms(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
                        SignatureConstants.TRANSFORM_C14N_EXCL_WITH_COMMENTS), response -> { }));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
        assertThat(refusal.getMessage()).startsWith("Assertion Transform '" + SignatureConstants.TRANSFORM_C14N_EXCL_WITH_COMMENTS
                + "' is not allowed");
    }

    /** The second transform is checked too, not only the first. */
    @Test
    void responseTransformWithCommentsInSecondPlace_isRefusedByTheTransformAllowList() {
        CieAuthenticationException refusal = AcsPipeline.refusal(signed(document -> { }, assertion -> { },
                response -> response.transforms(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
                        SignatureConstants.TRANSFORM_C14N_EXCL_WITH_COMMENTS)));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
        assertThat(refusal.getMessage()).startsWith("Response Transform");
    }

    /** The profile does not look at the CanonicalizationMethod of SignedInfo; the allow-list does. */
    @Test
    void inclusiveCanonicalisation_isRefusedByTheCanonicalisationAllowList() {
        CieAuthenticationException refusal = AcsPipeline.refusal(signed(document -> { },
                assertion -> assertion.canonicalization(XmlFixtureSigner.C14N_INCLUSIVE), response -> { }));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
        assertThat(refusal.getMessage()).startsWith("Assertion CanonicalizationMethod '" + XmlFixtureSigner.C14N_INCLUSIVE
                + "' is not allowed");
    }

    /** Exclusive canonicalisation WITH comments (comment-injection friendly) is refused too. */
    @Test
    void exclusiveCanonicalisationWithComments_isRefusedByTheCanonicalisationAllowList() {
        CieAuthenticationException refusal = AcsPipeline.refusal(signed(document -> { }, assertion -> { },
                response -> response.canonicalization(SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS)));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
        assertThat(refusal.getMessage()).startsWith("Response CanonicalizationMethod");
    }

    /** Control for the duplicate-ID tests: the foreign element, with an ID of its own, passes every check. */
    @Test
    void control_foreignElementWithItsOwnId_isAccepted() throws CieAuthenticationException {
        byte[] xml = signed(document -> foreignChildOfStatus(document).setAttributeNS(null, "ID", "_own"), assertion -> { },
                response -> { });

        assertThat(AcsPipeline.consume(xml).responseId()).isEqualTo(RESPONSE_ID);
    }

    /**
     * A second attribute named ID with the Response's ID, on an element the parser does not register as an ID
     * (a foreign element inside the signed Status): the DOM's getElementById still finds the Response, so the
     * profile passes; the document-wide count refuses.
     */
    @Test
    void responseIdRepeatedOnAnUnregisteredAttribute_isRefusedByTheDuplicateIdCount() {
        byte[] xml = signed(document -> foreignChildOfStatus(document).setAttributeNS(null, "ID", RESPONSE_ID),
                assertion -> { }, response -> { });
        assertThat(foreignIdIsRegistered(xml)).as("the copy is not a DOM ID").isFalse();

        CieAuthenticationException refusal = AcsPipeline.refusal(xml);

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).isEqualTo("Response ID '" + RESPONSE_ID + "' occurs 2 times in the document");
    }

    /** ... and an ID attribute in another namespace: the count goes by local name, whatever the prefix. */
    @Test
    void responseIdRepeatedOnANamespacedIdAttribute_isRefusedByTheDuplicateIdCount() {
        CieAuthenticationException refusal = AcsPipeline.refusal(signed(
                document -> foreignChildOfStatus(document).setAttributeNS(FOREIGN_NS, "x:ID", RESPONSE_ID), assertion -> { },
                response -> { }));

        assertThat(refusal.getMessage()).isEqualTo("Response ID '" + RESPONSE_ID + "' occurs 2 times in the document");
    }

    /** Control: an attribute that is neither named ID nor registered as one may carry the same value. */
    @Test
    void control_theIdValueInAnOrdinaryAttribute_isAccepted() throws CieAuthenticationException {
        byte[] xml = signed(document -> foreignChildOfStatus(document).setAttributeNS(null, "ref", RESPONSE_ID),
                assertion -> { }, response -> { });

        assertThat(AcsPipeline.consume(xml).responseId()).isEqualTo(RESPONSE_ID);
    }

    /** The count also sees a lower-case {@code id} (as in XHTML or ds:Signature's {@code Id}). */
    @Test
    void assertionIdRepeatedAsALowerCaseIdAttribute_isRefusedByTheDuplicateIdCount() {
        CieAuthenticationException refusal = AcsPipeline.refusal(signed(
                document -> foreignChildOfStatus(document).setAttributeNS(null, "id", ASSERTION_ID), assertion -> { },
                response -> { }));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).isEqualTo("Assertion ID '" + ASSERTION_ID + "' occurs 2 times in the document");
    }

    /**
     * Two elements with a registered ID of the same value: an unsigned Response whose ID is the Assertion's. The
     * Assertion's Reference still resolves to the Assertion; only the count sees the second one.
     */
    @Test
    void unsignedResponseCarryingTheAssertionId_isRefusedByTheDuplicateIdCount() {
        CieAuthenticationException refusal = AcsPipeline.refusal(signed(
                document -> document.getDocumentElement().setAttributeNS(null, "ID", ASSERTION_ID), assertion -> { }, null));

        assertThat(refusal.error()).isEqualTo(CieError.SIGNATURE_INVALID);
        assertThat(refusal.getMessage()).isEqualTo("Assertion ID '" + ASSERTION_ID + "' occurs 2 times in the document");
    }

    /**
     * @param edit a change to the unsigned Response DOM
     * @param assertion how the Assertion is signed
     * @param response how the Response is signed, or null to leave it unsigned
     * @return the received bytes: edited, signed by the identity provider (Assertion first), serialised
     */
    private static byte[] signed(Consumer<Document> edit, Consumer<XmlFixtureSigner> assertion,
            Consumer<XmlFixtureSigner> response) {
        Document document = parse(response().unsignedAssertion().unsignedResponse().signedXml());
        edit.accept(document);
        XmlFixtureSigner assertionSigner = XmlFixtureSigner.of(assertionElement(document));
        assertion.accept(assertionSigner);
        assertionSigner.sign();
        if (response != null) {
            XmlFixtureSigner responseSigner = XmlFixtureSigner.of(document.getDocumentElement());
            response.accept(responseSigner);
            responseSigner.sign();
        }
        return SerializeSupport.nodeToString(document.getDocumentElement()).getBytes(StandardCharsets.UTF_8);
    }

    private static Element foreignChildOfStatus(Document document) {
        Element status = child(document.getDocumentElement(), SAMLConstants.SAML20P_NS, Status.DEFAULT_ELEMENT_LOCAL_NAME);
        Element foreign = document.createElementNS(FOREIGN_NS, "x:Note");
        foreign.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:x", FOREIGN_NS);
        status.appendChild(foreign);
        return foreign;
    }

    private static boolean foreignIdIsRegistered(byte[] xml) {
        try {
            Response response = SecureXml.parse(xml, Response.class);
            Element foreign = (Element) response.getDOM().getElementsByTagNameNS(FOREIGN_NS, "Note").item(0);
            return foreign.getAttributeNodeNS(null, "ID").isId();
        } catch (SamlXmlException e) {
            throw new IllegalStateException(e);
        }
    }
}
