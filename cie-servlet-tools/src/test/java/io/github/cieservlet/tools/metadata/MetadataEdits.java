package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.XmlSigner;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Broken variants of a good metadata document: changed and signed again, or changed after signing. */
final class MetadataEdits {

    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private MetadataEdits() {
    }

    /** @return the document, changed after signing (so the signature breaks) */
    static String edited(String good, Consumer<Document> change) {
        Document doc = parse(good);
        change.accept(doc);
        return SerializeSupport.nodeToString(doc.getDocumentElement());
    }

    /** @return the document without its signature, changed, then signed again with the key */
    static String signed(String good, SpCredentials key, Consumer<Document> change) {
        Document doc = parse(good);
        remove(first(doc, DS, "Signature"));
        change.accept(doc);
        try {
            EntityDescriptor entity = SecureXml.unmarshall(doc.getDocumentElement(), EntityDescriptor.class);
            return SerializeSupport.nodeToString(new XmlSigner(key.privateKey(), key.certificate()).sign(entity));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(String xml) {
        try {
            return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element first(Document doc, String namespace, String localName) {
        return (Element) doc.getElementsByTagNameNS(namespace, localName).item(0);
    }

    static void remove(Node node) {
        node.getParentNode().removeChild(node);
    }
}
