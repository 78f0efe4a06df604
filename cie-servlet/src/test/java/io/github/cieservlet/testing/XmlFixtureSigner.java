package io.github.cieservlet.testing;

import io.github.cieservlet.config.SpCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A test identity provider's signing hand that signs WHATEVER XML it is given, with Apache Santuario directly
 * (no OpenSAML profile in the way), so that a test can build a message that breaks one rule and have it signed
 * correctly: the bad input is made before signing, the digest and signature verify, and the only thing left to
 * refuse it is the rule under test.
 *
 * <p>Defaults are what the CIE profile asks for: RSA-SHA256, SHA-256 digest, exclusive c14n, transforms
 * enveloped-signature + exclusive c14n, Reference URI {@code #} + the element's {@code ID}, the
 * {@code ds:Signature} placed right after the element's first child element (the {@code Issuer} of a SAML
 * message), signed with {@link TestCredentials#idp()}. Each setter changes one of them.
 *
 * <pre>{@code
 * XmlFixtureSigner.of(responseElement).referenceUri("").sign();
 * }</pre>
 */
public final class XmlFixtureSigner {

    /** Inclusive canonicalisation without comments, outside the CIE profile. */
    public static final String C14N_INCLUSIVE = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    private static final String SIGNATURE_METHOD = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    private static final String DIGEST_METHOD = SignatureConstants.ALGO_ID_DIGEST_SHA256;

    private final Element element;
    private SpCredentials signer = TestCredentials.idp();
    private String referenceUri;
    private String canonicalization = SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    private List<String> transforms = List.of(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
            SignatureConstants.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
    private final List<String> extraReferenceUris = new ArrayList<>();
    private boolean withObject;

    private XmlFixtureSigner(Element element) {
        this.element = Objects.requireNonNull(element, "element");
        this.referenceUri = "#" + element.getAttributeNS(null, "ID");
    }

    /**
     * @param element the element that gets an enveloped signature; its {@code ID} attribute is registered as a
     *        DOM ID so that the Reference resolves
     * @return a signer with the profile's defaults
     */
    public static XmlFixtureSigner of(Element element) {
        return new XmlFixtureSigner(element);
    }

    /** @param credentials who signs (default the identity provider) @return this signer */
    public XmlFixtureSigner signedBy(SpCredentials credentials) {
        this.signer = Objects.requireNonNull(credentials, "credentials");
        return this;
    }

    /** @param uri the Reference URI, e.g. {@code ""} (the whole document) @return this signer */
    public XmlFixtureSigner referenceUri(String uri) {
        this.referenceUri = uri;
        return this;
    }

    /** @param uri the CanonicalizationMethod of SignedInfo @return this signer */
    public XmlFixtureSigner canonicalization(String uri) {
        this.canonicalization = uri;
        return this;
    }

    /** @param uris the Reference's Transform algorithms, in order @return this signer */
    public XmlFixtureSigner transforms(String... uris) {
        this.transforms = List.of(uris);
        return this;
    }

    /** @param uri a second Reference (same transforms and digest) to add @return this signer */
    public XmlFixtureSigner extraReference(String uri) {
        this.extraReferenceUris.add(uri);
        return this;
    }

    /** @return this signer, adding an (unreferenced) {@code ds:Object} to the signature */
    public XmlFixtureSigner withObject() {
        this.withObject = true;
        return this;
    }

    /**
     * Signs the element in place.
     *
     * @return the element, now with its {@code ds:Signature} child
     */
    public Element sign() {
        try {
            if (element.hasAttributeNS(null, "ID")) {
                element.setIdAttributeNS(null, "ID", true);
            }
            XMLSignature signature = new XMLSignature(element.getOwnerDocument(), null, SIGNATURE_METHOD, canonicalization);
            element.insertBefore(signature.getElement(), afterFirstChildElement());
            for (String uri : allReferenceUris()) {
                Transforms referenceTransforms = new Transforms(element.getOwnerDocument());
                for (String transform : transforms) {
                    referenceTransforms.addTransform(transform);
                }
                signature.addDocument(uri, referenceTransforms, DIGEST_METHOD);
            }
            if (withObject) {
                ObjectContainer object = new ObjectContainer(element.getOwnerDocument());
                object.appendChild(element.getOwnerDocument().createTextNode("not covered by the signature"));
                signature.appendObject(object);
            }
            signature.addKeyInfo(signer.certificate());
            signature.sign(signer.privateKey());
            return element;
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the fixture: " + e.getMessage(), e);
        }
    }

    private List<String> allReferenceUris() {
        List<String> uris = new ArrayList<>();
        uris.add(referenceUri);
        uris.addAll(extraReferenceUris);
        return uris;
    }

    private Node afterFirstChildElement() {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return child.getNextSibling();
            }
        }
        return element.getFirstChild();
    }
}
