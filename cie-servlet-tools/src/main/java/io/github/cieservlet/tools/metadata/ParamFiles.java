package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.tools.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the {@code cie.*} settings the web application would see: the context-params of a web.xml (parsed
 * with DTDs and external entities refused), or a {@code .properties} file of the same names.
 */
public final class ParamFiles {

    private ParamFiles() {
    }

    /**
     * @param webXml a web.xml
     * @return its context-params, name to value
     * @throws ToolException when the file cannot be read or is not well-formed XML
     */
    public static Map<String, String> webXml(Path webXml) throws ToolException {
        Document document;
        try (InputStream in = Files.newInputStream(webXml)) {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(in);
        } catch (IOException e) {
            throw new ToolException("cannot read " + webXml + " (" + e + ")", e);
        } catch (SAXException e) {
            throw new ToolException(webXml + " is not a well-formed web.xml without DOCTYPE (" + e.getMessage() + ")", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot build the hardened XML parser", e);
        }
        Map<String, String> params = new TreeMap<>();
        NodeList contextParams = document.getElementsByTagNameNS("*", "context-param");
        for (int i = 0; i < contextParams.getLength(); i++) {
            Element param = (Element) contextParams.item(i);
            params.put(childText(param, "param-name"), childText(param, "param-value"));
        }
        return params;
    }

    /**
     * @param properties a properties file (UTF-8)
     * @return its entries
     * @throws ToolException when the file cannot be read
     */
    public static Map<String, String> properties(Path properties) throws ToolException {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ToolException("cannot read " + properties + " (" + e.getMessage() + ")", e);
        }
        Map<String, String> params = new TreeMap<>();
        loaded.stringPropertyNames().forEach(name -> params.put(name, loaded.getProperty(name)));
        return params;
    }

    private static String childText(Element parent, String localName) {
        NodeList children = parent.getElementsByTagNameNS("*", localName);
        return children.getLength() == 0 ? "" : children.item(0).getTextContent().trim();
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
