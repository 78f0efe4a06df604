package io.github.cieservlet.saml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The SAML 2.0 metadata schema as shipped inside the OpenSAML jars ({@code /schema/*.xsd}), compiled once with
 * a hardened SchemaFactory that reads nothing from the network: every import resolves to the jar copy.
 */
public final class MetadataSchema {

    private static final String MAIN = "saml-schema-metadata-2.0.xsd";
    private static volatile Schema schema;

    private MetadataSchema() {
    }

    /**
     * @param document a parsed metadata document
     * @throws SAXException when it is not valid against saml-schema-metadata-2.0.xsd
     */
    public static void validate(Document document) throws SAXException {
        try {
            Validator validator = schema().newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema() {
        if (schema == null) {
            schema = compile();
        }
        return schema;
    }

    private static Schema compile() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(new JarSchemas());
            URL main = resource(MAIN);
            // Only the jar copies are ever opened, through the resolver above.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            try (InputStream in = main.openStream()) {
                return factory.newSchema(new StreamSource(in, main.toExternalForm()));
            }
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile " + MAIN, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String name) {
        URL url = MetadataSchema.class.getResource("/schema/" + name);
        if (url == null) {
            throw new IllegalStateException("schema " + name + " is not on the class path");
        }
        return url;
    }

    /** Resolves every schemaLocation (an http URL in the OASIS/W3C files) to the jar copy of the same name. */
    private static final class JarSchemas implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            return new JarInput(resource(systemId.substring(systemId.lastIndexOf('/') + 1)));
        }
    }

    /** An LSInput read from a class path URL. */
    private static final class JarInput implements LSInput {
        private final URL url;

        JarInput(URL url) {
            this.url = url;
        }

        @Override
        public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getSystemId() {
            return url.toExternalForm();
        }

        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
