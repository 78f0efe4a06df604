package io.github.cieservlet.saml;

import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes a DOM element this library built (marshalled by OpenSAML, possibly signed) as XML text, in one pass
 * over the tree, without the JDK's LSSerializer (whose set-up per call and tree walker cost as much as the
 * marshalling). It writes exactly the nodes and the namespace-declaration attributes the DOM holds (OpenSAML
 * and Santuario declare every namespace they use as an attribute, and that is what a signature covers), so
 * the text parses back to an equal DOM and every signature in it verifies. Text and attribute values are
 * escaped so that parsing restores them unchanged (tab, line feed and carriage return in attributes, and
 * carriage return in text, as character references). Elements, attributes and text only; anything else (or a
 * character XML 1.0 cannot carry) is refused with an {@link IllegalArgumentException}.
 */
final class DomSerializer {

    private DomSerializer() {
    }

    /** What the document starts with, as the JDK's LSSerializer writes it. */
    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /**
     * @param element the root of the subtree to write
     * @return the XML declaration and the element's XML
     */
    static String toXml(Element element) {
        StringBuilder out = new StringBuilder(8192).append(XML_DECLARATION);
        writeElement(element, out);
        return out.toString();
    }

    private static void writeElement(Element element, StringBuilder out) {
        String name = element.getNodeName();
        out.append('<').append(name);
        NamedNodeMap attributes = element.getAttributes();
        writeAttributes(attributes, true, out);
        writeAttributes(attributes, false, out);
        Node child = element.getFirstChild();
        if (child == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (; child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE:
                    writeElement((Element) child, out);
                    break;
                case Node.TEXT_NODE:
                case Node.CDATA_SECTION_NODE:
                    escape(child.getNodeValue(), false, out);
                    break;
                default:
                    throw new IllegalArgumentException("cannot write a DOM node of type " + child.getNodeType()
                            + " in " + name);
            }
        }
        out.append("</").append(name).append('>');
    }

    /** Namespace declarations first, then the other attributes, each in the DOM's order. */
    private static void writeAttributes(NamedNodeMap attributes, boolean declarations, StringBuilder out) {
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI()) == declarations) {
                out.append(' ').append(attribute.getNodeName()).append("=\"");
                escape(attribute.getValue(), true, out);
                out.append('"');
            }
        }
    }

    private static void escape(String value, boolean attribute, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '\r': out.append("&#13;"); break;
                case '"':
                    out.append(attribute ? "&quot;" : "\"");
                    break;
                case '\t':
                    out.append(attribute ? "&#9;" : "\t");
                    break;
                case '\n':
                    out.append(attribute ? "&#10;" : "\n");
                    break;
                default:
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("character U+" + Integer.toHexString(c)
                                + " cannot be written in XML 1.0");
                    }
                    out.append(c);
            }
        }
    }
}
