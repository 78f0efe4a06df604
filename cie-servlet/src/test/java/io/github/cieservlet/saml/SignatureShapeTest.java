package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Each rule of {@link SignatureShape} on its own, on a plain DOM (no signing: the shape is checked before any
 * cryptography, and the end-to-end proofs that each rule alone refuses a correctly signed message are in
 * {@code SignatureRulesAloneTest}). Every refusal is compared with its exact text, which names the fault.
 */
class SignatureShapeTest {

    private static final String DS = SignatureConstants.XMLSIG_NS;
    private static final String ID = "_abc123";
    private static final String ENVELOPED = SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE;
    private static final String EXC_C14N = SignatureConstants.TRANSFORM_C14N_EXCL_OMIT_COMMENTS;
    private static final String EXC_C14N_COMMENTS = SignatureConstants.TRANSFORM_C14N_EXCL_WITH_COMMENTS;

    /** The signed element and its signature, parsed; the signed element's ID registered unless told otherwise. */
    private static final class Signed {
        final Document document;
        final Element parent;
        final Element signature;

        Signed(String signatureBody, boolean registerId) {
            String xml = "<r:Response xmlns:r=\"urn:test\" xmlns:ds=\"" + DS + "\" ID=\"" + ID + "\">"
                    + "<r:Other ID=\"_other\"/><ds:Signature>" + signatureBody + "</ds:Signature></r:Response>";
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            parent = document.getDocumentElement();
            signature = (Element) parent.getElementsByTagNameNS(DS, "Signature").item(0);
            if (registerId) {
                parent.setIdAttributeNS(null, "ID", true);
            }
        }

        String problem() {
            return SignatureShape.problem(signature, parent, ID);
        }

        Element reference() {
            return (Element) document.getElementsByTagNameNS(DS, "Reference").item(0);
        }
    }

    private static String transforms(String... algorithms) {
        StringBuilder out = new StringBuilder("<ds:Transforms>");
        for (String algorithm : algorithms) {
            out.append("<ds:Transform Algorithm=\"").append(algorithm).append("\"/>");
        }
        return out.append("</ds:Transforms>").toString();
    }

    private static String reference(String uri, String transforms) {
        return "<ds:Reference" + (uri == null ? "" : " URI=\"" + uri + "\"") + ">" + transforms
                + "<ds:DigestMethod Algorithm=\"" + SignatureConstants.ALGO_ID_DIGEST_SHA256 + "\"/>"
                + "<ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>";
    }

    private static String signedInfo(String references) {
        return "<ds:SignedInfo><ds:CanonicalizationMethod Algorithm=\"" + EXC_C14N + "\"/>"
                + "<ds:SignatureMethod Algorithm=\"" + SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256 + "\"/>"
                + references + "</ds:SignedInfo>";
    }

    private static final String VALUE = "<ds:SignatureValue>AAAA</ds:SignatureValue>";

    private static Signed withTransforms(String transforms) {
        return new Signed(signedInfo(reference("#" + ID, transforms)) + VALUE, true);
    }

    private static Signed withReferences(String references) {
        return new Signed(signedInfo(references) + VALUE, true);
    }

    @Test
    void profileSignatureHasNoProblem() {
        assertThat(withTransforms(transforms(ENVELOPED, EXC_C14N)).problem()).isNull();
        assertThat(withTransforms(transforms(EXC_C14N, ENVELOPED)).problem()).isNull();
        assertThat(withTransforms(transforms(ENVELOPED)).problem()).isNull();
        assertThat(withTransforms(transforms(ENVELOPED, EXC_C14N_COMMENTS)).problem())
                .as("comments are refused by SignatureAlgorithmCheck, not by the shape").isNull();
    }

    @Test
    void signedInfoMustBeExactlyOne() {
        assertThat(new Signed(VALUE, true).problem()).isEqualTo("has 0 ds:SignedInfo elements");
        String one = signedInfo(reference("#" + ID, transforms(ENVELOPED)));
        assertThat(new Signed(one + one + VALUE, true).problem()).isEqualTo("has 2 ds:SignedInfo elements");
    }

    @Test
    void signedInfoOfAnotherNamespaceIsNotCounted() {
        String foreign = "<x:SignedInfo xmlns:x=\"urn:not-xmldsig\"/>";
        assertThat(new Signed(foreign + signedInfo(reference("#" + ID, transforms(ENVELOPED))) + VALUE, true).problem())
                .isNull();
        assertThat(new Signed(foreign + VALUE, true).problem()).isEqualTo("has 0 ds:SignedInfo elements");
    }

    @Test
    void objectIsRefused() {
        Signed signed = new Signed(signedInfo(reference("#" + ID, transforms(ENVELOPED))) + VALUE
                + "<ds:Object><r:Response xmlns:r=\"urn:test\"/></ds:Object>", true);
        assertThat(signed.problem()).isEqualTo("contains ds:Object");
    }

    @Test
    void referenceMustBeExactlyOne() {
        assertThat(withReferences("").problem()).isEqualTo("has 0 References, the profile allows exactly 1");
        String one = reference("#" + ID, transforms(ENVELOPED));
        assertThat(withReferences(one + one).problem()).isEqualTo("has 2 References, the profile allows exactly 1");
    }

    @Test
    void referenceUriMustBeHashAndTheParentId() {
        assertThat(withReferences(reference("", transforms(ENVELOPED))).problem())
                .isEqualTo("Reference URI '' does not point to the parent ID '" + ID + "'");
        assertThat(withReferences(reference(null, transforms(ENVELOPED))).problem())
                .isEqualTo("Reference URI (absent) does not point to the parent ID '" + ID + "'");
        assertThat(withReferences(reference("#_other", transforms(ENVELOPED))).problem())
                .isEqualTo("Reference URI '#_other' does not point to the parent ID '" + ID + "'");
        assertThat(withReferences(reference(ID, transforms(ENVELOPED))).problem())
                .isEqualTo("Reference URI '" + ID + "' does not point to the parent ID '" + ID + "'");
        assertThat(withReferences(reference("#" + ID.toUpperCase(java.util.Locale.ROOT), transforms(ENVELOPED))).problem())
                .startsWith("Reference URI '#_ABC123'");
    }

    @Test
    void aMissingOrEmptyParentIdIsRefusedEvenWithAMatchingUri() {
        Signed signed = withReferences(reference("#", transforms(ENVELOPED)));
        assertThat(SignatureShape.problem(signed.signature, signed.parent, ""))
                .isEqualTo("Reference URI '#' does not point to the parent ID ''");
        assertThat(SignatureShape.problem(signed.signature, signed.parent, null))
                .isEqualTo("Reference URI '#' does not point to the parent ID (absent)");
    }

    @Test
    void parentIdMustBeRegisteredAsTheIdOfTheSignedElement() {
        Signed unregistered = new Signed(signedInfo(reference("#" + ID, transforms(ENVELOPED))) + VALUE, false);
        assertThat(unregistered.problem()).isEqualTo("parent ID '" + ID + "' is not registered as the ID of the signed element");
    }

    @Test
    void parentWithoutAnIdAttributeIsRefused() {
        Signed signed = withTransforms(transforms(ENVELOPED));
        Element other = (Element) signed.parent.getFirstChild();
        assertThat(SignatureShape.problem(signed.signature, other, ID))
                .isEqualTo("parent ID '" + ID + "' is not registered as the ID of the signed element");
    }

    /** The ID value resolves to another element (a wrapped copy): the signature does not sign its parent. */
    @Test
    void idThatResolvesToAnotherElementIsRefused() {
        Signed signed = withTransforms(transforms(ENVELOPED));
        Element copy = signed.document.createElementNS("urn:test", "r:Response");
        copy.setAttributeNS(null, "ID", ID);
        copy.setIdAttributeNS(null, "ID", true);
        signed.parent.appendChild(copy);
        signed.parent.setIdAttributeNS(null, "ID", true);
        assertThat(signed.document.getElementById(ID)).as("precondition").isNotSameAs(copy);
        assertThat(SignatureShape.problem(signed.signature, copy, ID))
                .isEqualTo("parent ID '" + ID + "' is not registered as the ID of the signed element");
    }

    @Test
    void transformsElementMustBeExactlyOne() {
        assertThat(withTransforms("").problem()).isEqualTo("Reference has 0 ds:Transforms elements");
        assertThat(withTransforms(transforms(ENVELOPED) + transforms(ENVELOPED)).problem())
                .isEqualTo("Reference has 2 ds:Transforms elements");
    }

    @Test
    void oneOrTwoTransformsOnly() {
        assertThat(withTransforms(transforms()).problem()).isEqualTo("has 0 Transforms, the profile allows 1 or 2");
        assertThat(withTransforms(transforms(ENVELOPED, EXC_C14N, EXC_C14N)).problem())
                .isEqualTo("has 3 Transforms, the profile allows 1 or 2");
    }

    @Test
    void onlyEnvelopedAndExclusiveCanonicalisationTransforms() {
        assertThat(withTransforms(transforms(ENVELOPED, "http://www.w3.org/TR/1999/REC-xslt-19991116")).problem())
                .isEqualTo("uses the Transform 'http://www.w3.org/TR/1999/REC-xslt-19991116', only enveloped-signature"
                        + " and exclusive c14n are allowed");
        assertThat(withTransforms(transforms("http://www.w3.org/TR/2001/REC-xml-c14n-20010315", ENVELOPED)).problem())
                .startsWith("uses the Transform 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315'");
        Signed noAlgorithm = withTransforms("<ds:Transforms><ds:Transform/></ds:Transforms>");
        assertThat(noAlgorithm.problem()).startsWith("uses the Transform ''");
    }

    @Test
    void envelopedSignatureTransformIsRequired() {
        assertThat(withTransforms(transforms(EXC_C14N)).problem()).isEqualTo("has no enveloped-signature Transform");
        assertThat(withTransforms(transforms(EXC_C14N, EXC_C14N_COMMENTS)).problem())
                .isEqualTo("has no enveloped-signature Transform");
    }

    /** The refusal quotes attacker text for a log line: printable ASCII only, at most 80 characters. */
    @Test
    void quotedValuesArePrintableAsciiAndShort() {
        Signed signed = withTransforms(transforms(ENVELOPED));
        signed.reference().setAttributeNS(null, "URI", "# \u001f\u007f~\u00e8\n");
        assertThat(signed.problem()).isEqualTo("Reference URI '# ??~??' does not point to the parent ID '" + ID + "'");

        String eighty = "#" + "a".repeat(79);
        signed.reference().setAttributeNS(null, "URI", eighty);
        assertThat(signed.problem()).startsWith("Reference URI '" + eighty + "' does");
        signed.reference().setAttributeNS(null, "URI", eighty + "bc");
        assertThat(signed.problem()).startsWith("Reference URI '" + eighty + "...' does");
    }
}
