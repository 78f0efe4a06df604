package io.github.cieservlet.saml.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * How many times each ID value occurs in one received document, counted in a single walk of the whole
 * document: every attribute named {@code ID}, {@code Id} or {@code id} (any case, any namespace) or registered
 * as a DOM ID counts. {@link SignatureCheck} refuses a signed element whose ID occurs more than once, so that a
 * signature reference cannot be resolved to a second element with the same ID. One instance serves every
 * signature of the document; build it after the document is complete and do not change the document afterwards.
 */
final class DocumentIds {

    private final Document document;
    private final Map<String, Integer> counts = new HashMap<>();

    private DocumentIds(Document document) {
        this.document = document;
    }

    /**
     * @param document a received document
     * @return the ID values of its elements, counted
     */
    static DocumentIds of(Document document) {
        DocumentIds ids = new DocumentIds(Objects.requireNonNull(document, "document"));
        Node node = document.getDocumentElement();
        while (node != null) {
            if (node.getNodeType() == Node.ELEMENT_NODE && node.hasAttributes()) {
                ids.count(node.getAttributes());
            }
            node = next(node);
        }
        return ids;
    }

    /** @return the document counted */
    Document document() {
        return document;
    }

    /**
     * @param id an ID value
     * @return how many ID-like attributes of the document carry it
     */
    int occurrences(String id) {
        return counts.getOrDefault(id, 0);
    }

    private void count(NamedNodeMap attributes) {
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (attribute.isId() || "id".equalsIgnoreCase(name)) {
                counts.merge(attribute.getValue(), 1, Integer::sum);
            }
        }
    }

    /** @return the node after this one in document order, or null at the end of the document element */
    private static Node next(Node node) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current != null) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
            current = current.getParentNode();
            if (current != null && current.getNodeType() == Node.DOCUMENT_NODE) {
                return null;
            }
        }
        return null;
    }
}
