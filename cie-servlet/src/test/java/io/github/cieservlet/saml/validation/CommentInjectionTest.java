package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.FISCAL_CODE;
import static io.github.cieservlet.saml.validation.TestResponses.FISCAL_NUMBER;
import static io.github.cieservlet.saml.validation.TestResponses.assertionElement;
import static io.github.cieservlet.saml.validation.TestResponses.attributeValueElement;
import static io.github.cieservlet.saml.validation.TestResponses.child;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.refusal;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static io.github.cieservlet.saml.validation.TestResponses.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Response;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Text;

/**
 * Comment injection: a comment inside a signed text value does not change the signature (exclusive c14n drops
 * comments), but a reader that keeps only one text node would see a fragment of the value.
 *
 * <p>Three layers stop it: the parser drops comments and joins the text (so the whole signed value is read),
 * OpenSAML 4 refuses to unmarshall a DOM that still has comments, and the validator itself refuses any value
 * element that is not a single text node ({@link DomText}), whatever parser produced the DOM. The tests of the
 * last layer put the comment into the DOM of an already unmarshalled Response; the signatures still verify, so
 * the refusals are about the values, not the signatures.
 */
class CommentInjectionTest {

    @Test
    void commentInsideNameId_isRefused() {
        Response response = response().received();
        splitWithComment(nameIdElement(response), 10);

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_SUBJECT);
        assertThat(refusal.getMessage()).contains("NameID", "comment");
    }

    @Test
    void commentInsideFiscalNumber_isRefused() {
        Response response = response().received();
        splitWithComment(attributeValueElement(document(response), "fiscalNumber"), 12);

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal.getMessage()).contains("fiscalNumber", "comment").doesNotContain(FISCAL_CODE.substring(6));
    }

    @Test
    void commentInsideAssertionIssuer_isRefused() {
        Response response = response().received();
        splitWithComment(child(assertionElement(document(response)), SAMLConstants.SAML20_NS, "Issuer"), 8);

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void commentInsideAudience_isRefused() {
        Response response = response().received();
        splitWithComment(path(document(response), "Conditions", "AudienceRestriction", "Audience"), 8);

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUDIENCE);
    }

    @Test
    void commentInsideAuthnContextClassRef_isRefused() {
        Response response = response().received();
        splitWithComment(path(document(response), "AuthnStatement", "AuthnContext", "AuthnContextClassRef"), 5);

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUTHN_CONTEXT);
    }

    @Test
    void processingInstructionInsideName_signedByTheIdp_isRefused() {
        Response response = response().editXmlBeforeSigning(document -> {
            Element value = attributeValueElement(document, "name");
            Text tail = ((Text) value.getFirstChild()).splitText(3);
            value.insertBefore(document.createProcessingInstruction("x", "y"), tail);
        }).received();

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal.getMessage()).contains("processing instruction");
    }

    @Test
    void commentSignedByTheIdp_isDroppedByTheParser_soTheWholeValueIsRead() throws CieAuthenticationException {
        Response response = response()
                .editXmlBeforeSigning(document -> splitWithComment(attributeValueElement(document, "fiscalNumber"), 12))
                .received();

        assertThat(validate(response).identity().getFiscalNumber()).isEqualTo(FISCAL_NUMBER);
    }

    @Test
    void commentAddedAfterParsing_isAlreadyRefusedByOpenSamlUnmarshalling() {
        TestResponses.Builder builder = response()
                .afterSigning(document -> splitWithComment(attributeValueElement(document, "fiscalNumber"), 12));

        assertThatThrownBy(builder::received).hasCauseInstanceOf(UnmarshallingException.class);
    }

    /**
     * The classic attack on received bytes (CVE-2017-11427 and kin): a comment inserted after signing into the
     * fiscal number and the NameID leaves the signature valid, and a reader of the first text node would see a
     * prefix. Through the ACS pipeline the parser drops the comment and joins the text, so the identity is the
     * whole signed value. Guards SecureXml's ignoreComments + coalescing.
     */
    @Test
    void commentInjectedIntoTheReceivedBytes_yieldsTheWholeSignedValue() throws CieAuthenticationException {
        String signed = new String(response().signedXml(), StandardCharsets.UTF_8);
        String nameId = TestResponses.NAME_ID;
        byte[] xml = signed.replace(FISCAL_NUMBER, FISCAL_NUMBER.substring(0, 12) + "<!---->" + FISCAL_NUMBER.substring(12))
                .replace(">" + nameId + "<", ">" + nameId.substring(0, 10) + "<!-- x -->" + nameId.substring(10) + "<")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<!---->", "<!-- x -->");

        ValidatedResponse validated = AcsPipeline.consume(xml);
        assertThat(validated.identity().getFiscalNumber()).isEqualTo(FISCAL_NUMBER);
        assertThat(validated.identity().getNameId()).isEqualTo(nameId);
    }

    /** A processing instruction inserted after signing is part of the canonical form: the signature breaks. */
    @Test
    void processingInstructionInjectedIntoTheReceivedNameId_isRefused() {
        String signed = new String(response().signedXml(), StandardCharsets.UTF_8);
        String nameId = TestResponses.NAME_ID;
        byte[] xml = signed.replace(">" + nameId + "<", ">" + nameId.substring(0, 10) + "<?x y?>" + nameId.substring(10) + "<")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(AcsPipeline.refusal(xml).error()).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    /** A processing instruction inside the NameID, signed as such by the IdP: refused by DomText. */
    @Test
    void processingInstructionInsideNameId_signedByTheIdp_isRefused() {
        Response response = response().editXmlBeforeSigning(document -> {
            Element nameId = child(child(assertionElement(document), SAMLConstants.SAML20_NS, "Subject"),
                    SAMLConstants.SAML20_NS, "NameID");
            Text tail = ((Text) nameId.getFirstChild()).splitText(10);
            nameId.insertBefore(document.createProcessingInstruction("x", "y"), tail);
        }).received();

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_SUBJECT);
        assertThat(refusal.getMessage()).contains("processing instruction");
    }

    /** Splits the text of an element at {@code offset} and puts an empty comment between the two halves. */
    private static void splitWithComment(Element element, int offset) {
        Text tail = ((Text) element.getFirstChild()).splitText(offset);
        element.insertBefore(element.getOwnerDocument().createComment(""), tail);
    }

    private static Document document(Response response) {
        return response.getDOM().getOwnerDocument();
    }

    private static Element nameIdElement(Response response) {
        return path(document(response), "Subject", "NameID");
    }

    private static Element path(Document document, String... localNames) {
        Element element = assertionElement(document);
        for (String localName : localNames) {
            element = child(element, SAMLConstants.SAML20_NS, localName);
        }
        return element;
    }
}
