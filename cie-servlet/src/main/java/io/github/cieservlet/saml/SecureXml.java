package io.github.cieservlet.saml;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Marshaller;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one place where XML is parsed, unmarshalled into OpenSAML objects, marshalled and serialised.
 *
 * <p>The parser refuses any DOCTYPE (so no DTDs, external entities or entity expansion), never loads
 * anything from outside, does not process XInclude, limits nesting depth, and drops comments so that a
 * comment inside a text value cannot split it.
 */
public final class SecureXml {

    /** Deepest element nesting accepted; real SAML messages stay well below 20. */
    public static final int MAX_ELEMENT_DEPTH = 64;

    private static final ParserPool PARSER_POOL = buildParserPool();

    private SecureXml() {
    }

    /** @return the hardened parser pool */
    static ParserPool parserPool() {
        return PARSER_POOL;
    }

    /**
     * @param xml a document
     * @return its DOM
     * @throws SamlXmlException when it is not well-formed or uses a forbidden construct
     */
    public static Document parse(byte[] xml) throws SamlXmlException {
        try {
            return PARSER_POOL.parse(new ByteArrayInputStream(xml));
        } catch (XMLParserException e) {
            throw new SamlXmlException("not well-formed or forbidden XML: " + rootMessage(e), e);
        }
    }

    /**
     * Parses and unmarshalls a document whose root must be of the given type. The DOM stays attached to the
     * returned object, so its signatures can be verified over the bytes as received.
     *
     * @param xml the document
     * @param type the expected OpenSAML type of the root element
     * @param <T> that type
     * @return the root object
     * @throws SamlXmlException when the document cannot be parsed or its root is of another type
     */
    public static <T extends XMLObject> T parse(byte[] xml, Class<T> type) throws SamlXmlException {
        return unmarshall(parse(xml).getDocumentElement(), type);
    }

    /**
     * @param element a DOM element
     * @param type the expected OpenSAML type
     * @param <T> that type
     * @return the unmarshalled object
     * @throws SamlXmlException when the element is not of that type or not valid SAML
     */
    public static <T extends XMLObject> T unmarshall(Element element, Class<T> type) throws SamlXmlException {
        OpenSamlBootstrap.initialize();
        Unmarshaller unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(element);
        if (unmarshaller == null) {
            throw new SamlXmlException("unexpected element {" + element.getNamespaceURI() + "}" + element.getLocalName());
        }
        checkSignaturesCanBeRead(element);
        try {
            XMLObject object = unmarshaller.unmarshall(element);
            if (!type.isInstance(object)) {
                throw new SamlXmlException("expected " + type.getSimpleName() + " but the root element is {"
                        + element.getNamespaceURI() + "}" + element.getLocalName());
            }
            return type.cast(object);
        } catch (UnmarshallingException | RuntimeException e) {
            throw new SamlXmlException("not valid SAML: " + rootMessage(e), e);
        }
    }

    /**
     * Marshalls an object (or returns its cached DOM).
     *
     * @param object the object
     * @return its DOM element
     */
    public static Element marshall(XMLObject object) {
        OpenSamlBootstrap.initialize();
        if (object.getDOM() != null) {
            return object.getDOM();
        }
        Marshaller marshaller = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object);
        if (marshaller == null) {
            throw new IllegalStateException("no marshaller for " + object.getElementQName());
        }
        try {
            return marshaller.marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException("cannot marshall " + object.getElementQName(), e);
        }
    }

    /**
     * @param object an object
     * @return its XML, without re-indenting (signatures stay valid)
     */
    public static String toXml(XMLObject object) {
        return toXml(marshall(object));
    }

    /**
     * @param element an element this library built (marshalled, possibly signed): elements, attributes and
     *        text only, every namespace declared as an attribute, as OpenSAML and Santuario make them
     * @return the XML declaration and its XML, in one pass and without re-indenting (signatures stay valid)
     * @throws IllegalArgumentException when the element holds another kind of node or a character XML 1.0
     *         cannot carry
     */
    public static String toXml(Element element) {
        return DomSerializer.toXml(element);
    }

    /**
     * Reads every {@code ds:Signature} with Santuario (secure validation on) before OpenSAML does: OpenSAML's
     * unmarshaller logs at ERROR any signature Santuario cannot read (an element where the schema allows none, as
     * in some signature-wrapping attacks; MD5), and attacker input must not write ERROR lines. The failure is the
     * same refusal OpenSAML's would be, without the line.
     */
    private static void checkSignaturesCanBeRead(Element root) throws SamlXmlException {
        NodeList signatures = root.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "Signature");
        for (int i = 0; i < signatures.getLength(); i++) {
            try {
                new XMLSignature((Element) signatures.item(i), "", true);
            } catch (XMLSecurityException | RuntimeException e) {
                throw new SamlXmlException("not valid SAML: " + rootMessage(e), e);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static ParserPool buildParserPool() {
        BasicParserPool pool = new BasicParserPool();
        pool.setNamespaceAware(true);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        pool.setIgnoreComments(true);
        pool.setIgnoreElementContentWhitespace(false);
        pool.setCoalescing(true);
        pool.setErrorHandler(new SilentErrorHandler());
        pool.setMaxPoolSize(50);
        Map<String, Boolean> features = new HashMap<>();
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, Boolean.TRUE);
        features.put("http://apache.org/xml/features/disallow-doctype-decl", Boolean.TRUE);
        features.put("http://xml.org/sax/features/external-general-entities", Boolean.FALSE);
        features.put("http://xml.org/sax/features/external-parameter-entities", Boolean.FALSE);
        features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", Boolean.FALSE);
        // SAML messages are small and read whole: build the nodes at once rather than through the deferred DOM
        features.put("http://apache.org/xml/features/dom/defer-node-expansion", Boolean.FALSE);
        pool.setBuilderFeatures(features);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        attributes.put(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        attributes.put("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
        pool.setBuilderAttributes(attributes);
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("cannot build the hardened XML parser", e);
        }
        return pool;
    }

    /**
     * Fails the parse on any error, as the default handler does, but logs nothing: the default handler of the
     * parser pool logs "XML Parsing Error" at ERROR, so any client could write ERROR lines by posting bad XML.
     * The caller refuses the message with one WARN line that carries the parser's message.
     */
    private static final class SilentErrorHandler implements ErrorHandler {

        @Override
        public void warning(SAXParseException exception) {
            // not an error: the document is still parsed, and nothing is logged
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
