package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.tools.ToolException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the {@code cie.*} settings the web application would see: the context-params of a web.xml (parsed
 * with the library's hardened parser, SecureXml: no DOCTYPE, no external entities), or a {@code .properties}
 * file of the same names.
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
        try {
            document = SecureXml.parse(Files.readAllBytes(webXml));
        } catch (IOException e) {
            throw new ToolException("cannot read " + webXml + " (" + e + ")", e);
        } catch (SamlXmlException e) {
            throw new ToolException(webXml + " is not a well-formed web.xml without DOCTYPE (" + e.getMessage() + ")", e);
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
}
