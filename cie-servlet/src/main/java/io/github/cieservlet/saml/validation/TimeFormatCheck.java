package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.saml.XsDateTime;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Every time value of the Response, as received: {@code IssueInstant} (Response, Assertion),
 * {@code NotBefore}/{@code NotOnOrAfter} (Conditions, SubjectConfirmationData), {@code AuthnInstant} and
 * {@code SessionNotOnOrAfter} (AuthnStatement) must be a full {@code xs:dateTime} with a time zone
 * ({@link XsDateTime}). OpenSAML would read {@code IssueInstant="2018-09-04"} as midnight UTC; here it is
 * {@link CieError#MALFORMED_RESPONSE}, like any value OpenSAML cannot read at all. An empty value is left to the
 * check of that field, which reads it as missing.
 */
final class TimeFormatCheck {

    private static final Set<String> SAML_NAMESPACES = Set.of("urn:oasis:names:tc:SAML:2.0:assertion",
            "urn:oasis:names:tc:SAML:2.0:protocol");
    private static final Set<String> TIME_ATTRIBUTES = Set.of("IssueInstant", "NotBefore", "NotOnOrAfter",
            "AuthnInstant", "SessionNotOnOrAfter");

    /**
     * @param root the received DOM element of the Response (or of a LogoutRequest)
     * @throws CieAuthenticationException when a time value is not a full xs:dateTime with a time zone
     */
    void check(Element root) throws CieAuthenticationException {
        for (Node node = root; node != null; node = next(node, root)) {
            if (node.getNodeType() == Node.ELEMENT_NODE && SAML_NAMESPACES.contains(node.getNamespaceURI())) {
                checkAttributes((Element) node);
            }
        }
    }

    private static void checkAttributes(Element element) throws CieAuthenticationException {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String value = attribute.getValue();
            if (attribute.getNamespaceURI() == null && TIME_ATTRIBUTES.contains(attribute.getLocalName())
                    && !value.isEmpty() && !XsDateTime.isFullDateTime(value)) {
                throw new CieAuthenticationException(CieError.MALFORMED_RESPONSE, element.getLocalName() + " "
                        + attribute.getLocalName() + " " + Detail.quote(value)
                        + " is not a full xs:dateTime with a time zone (YYYY-MM-DDThh:mm:ssZ)");
            }
        }
    }

    /** Document order within {@code root}, without recursion (nesting depth is the parser's limit anyway). */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node current = node; current != null && current != root; current = current.getParentNode()) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
        }
        return null;
    }
}
