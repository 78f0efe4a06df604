package io.github.cieservlet.saml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SAML signature profile (SAML core 5.4) checked on the received DOM, before OpenSAML's
 * {@code SAMLSignatureProfileValidator} sees the signature: that validator logs every refusal at ERROR, so an
 * attacker could fill the error log (and page an operator) with wrapped or transformed signatures. Whatever
 * fails here is refused by the caller with one WARN line; OpenSAML's validator still runs afterwards, as a second
 * opinion that has nothing left to complain about.
 *
 * <p>The rules: {@code ds:SignedInfo} with exactly one {@code ds:Reference}; its URI is {@code #} + the ID of the
 * signed element, which is registered as the document's ID and resolves to that very element; one or two
 * transforms, only enveloped-signature and exclusive canonicalisation, enveloped among them; no
 * {@code ds:Object}.
 */
public final class SignatureShape {

    private static final Set<String> TRANSFORMS = Set.of(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
            SignatureConstants.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, SignatureConstants.TRANSFORM_C14N_EXCL_WITH_COMMENTS);
    private static final int MAX_SHOWN = 80;

    private SignatureShape() {
    }

    /**
     * @param signature the received {@code ds:Signature} element
     * @param signed the element it signs (its parent)
     * @param id the signed element's ID attribute, or null
     * @return what breaks the profile, or null when nothing does
     */
    public static String problem(Element signature, Element signed, String id) {
        List<Element> signedInfo = children(signature, "SignedInfo");
        if (signedInfo.size() != 1) {
            return "has " + signedInfo.size() + " ds:SignedInfo elements";
        }
        if (!children(signature, "Object").isEmpty()) {
            return "contains ds:Object";
        }
        List<Element> references = children(signedInfo.get(0), "Reference");
        if (references.size() != 1) {
            return "has " + references.size() + " References, the profile allows exactly 1";
        }
        Element reference = references.get(0);
        String uri = reference.hasAttributeNS(null, "URI") ? reference.getAttributeNS(null, "URI") : null;
        if (id == null || id.isEmpty() || !("#" + id).equals(uri)) {
            return "Reference URI " + shown(uri) + " does not point to the parent ID " + shown(id);
        }
        Attr idAttribute = signed.getAttributeNodeNS(null, "ID");
        if (idAttribute == null || !idAttribute.isId() || !signed.isSameNode(signed.getOwnerDocument().getElementById(id))) {
            return "parent ID " + shown(id) + " is not registered as the ID of the signed element";
        }
        return transformProblem(reference);
    }

    private static String transformProblem(Element reference) {
        List<Element> transforms = children(reference, "Transforms");
        if (transforms.size() != 1) {
            return "Reference has " + transforms.size() + " ds:Transforms elements";
        }
        List<Element> each = children(transforms.get(0), "Transform");
        if (each.isEmpty() || each.size() > 2) {
            return "has " + each.size() + " Transforms, the profile allows 1 or 2";
        }
        boolean enveloped = false;
        for (Element transform : each) {
            String algorithm = transform.getAttributeNS(null, "Algorithm");
            if (!TRANSFORMS.contains(algorithm)) {
                return "uses the Transform " + shown(algorithm) + ", only enveloped-signature and exclusive c14n are allowed";
            }
            enveloped |= SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE.equals(algorithm);
        }
        return enveloped ? null : "has no enveloped-signature Transform";
    }

    /** @return the element children of {@code parent} in the XML Signature namespace with this local name */
    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && SignatureConstants.XMLSIG_NS.equals(child.getNamespaceURI())
                    && localName.equals(child.getLocalName())) {
                found.add((Element) child);
            }
        }
        return found;
    }

    /** @return the value quoted for a log line: printable ASCII only, at most 80 characters */
    private static String shown(String value) {
        if (value == null) {
            return "(absent)";
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < value.length() && i < MAX_SHOWN; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.append(value.length() > MAX_SHOWN ? "...'" : "'").toString();
    }
}
