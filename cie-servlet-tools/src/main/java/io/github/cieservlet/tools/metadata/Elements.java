package io.github.cieservlet.tools.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-aware look-ups of child elements and attributes in a metadata DOM. */
final class Elements {

    /** SAML 2.0 metadata namespace. */
    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    /** XML Signature namespace. */
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** The xml: namespace (xml:lang). */
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    private Elements() {
    }

    /** @return the child elements of {@code parent} with that namespace and local name, in order */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    /** @return the only child of that name, or empty when there is none or more than one */
    static Optional<Element> only(Element parent, String namespace, String localName) {
        List<Element> children = children(parent, namespace, localName);
        return children.size() == 1 ? Optional.of(children.get(0)) : Optional.empty();
    }

    /** @return the attribute value, or empty when it is absent */
    static Optional<String> attribute(Element element, String name) {
        return element.hasAttributeNS(null, name) ? Optional.of(element.getAttributeNS(null, name)) : Optional.empty();
    }

    /** @return the trimmed text content */
    static String text(Element element) {
        return element.getTextContent().trim();
    }
}
