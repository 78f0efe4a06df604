package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import org.opensaml.core.xml.XMLObject;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * Reads the text of a simple element from its DOM, as one whole.
 *
 * <p>Defence against comment injection and its variants: when a text value is split into several text nodes
 * by another node, OpenSAML keeps only the last text node, so a value such as
 * {@code RSSBNC80A41H501X<!---->.evil} (whose signature covers the joined text, since exclusive
 * canonicalisation drops comments) would be read as a fragment. The hardened parser drops comments and
 * OpenSAML 4 refuses to unmarshall comments, but processing instructions get through and the DOM may come
 * from elsewhere; so here an element must hold nothing but a single text node (or nothing at all): comments,
 * processing instructions, child elements or split text nodes are refused.
 */
final class DomText {

    private DomText() {
    }

    /**
     * @param object an element unmarshalled from a received DOM
     * @param error the error to refuse with when the element is not plain text
     * @param what the name of the element, for the refusal detail
     * @return the element's text exactly as received (not trimmed), empty when the element is empty
     * @throws CieAuthenticationException when the element contains anything but a single text node
     */
    static String of(XMLObject object, CieError error, String what) throws CieAuthenticationException {
        Element element = object.getDOM();
        if (element == null) {
            throw new IllegalStateException(what + " has no DOM: validate only objects unmarshalled from the received XML");
        }
        NodeList children = element.getChildNodes();
        if (children.getLength() == 0) {
            return "";
        }
        Node only = children.item(0);
        if (children.getLength() == 1 && only instanceof Text) {
            return ((Text) only).getData();
        }
        throw new CieAuthenticationException(error, what + " is not plain text: it has " + children.getLength()
                + " child nodes (" + nodeTypes(children) + "); refused as possible comment injection");
    }

    private static String nodeTypes(NodeList children) {
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < children.getLength(); i++) {
            if (i > 0) {
                types.append(", ");
            }
            types.append(typeName(children.item(i)));
        }
        return types.toString();
    }

    private static String typeName(Node node) {
        switch (node.getNodeType()) {
            case Node.TEXT_NODE:
                return "text";
            case Node.CDATA_SECTION_NODE:
                return "CDATA";
            case Node.COMMENT_NODE:
                return "comment";
            case Node.PROCESSING_INSTRUCTION_NODE:
                return "processing instruction";
            case Node.ELEMENT_NODE:
                return "element";
            default:
                return "node type " + node.getNodeType();
        }
    }
}
