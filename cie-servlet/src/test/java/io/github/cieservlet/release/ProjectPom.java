// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** The release metadata of the root pom.xml that the project files must agree with. */
record ProjectPom(String version, String url, String licenceName) {

    static ProjectPom read(Path pomFile) throws IOException {
        try (InputStream in = Files.newInputStream(pomFile)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document pom = factory.newDocumentBuilder().parse(in);
            var xpath = XPathFactory.newInstance().newXPath();
            return new ProjectPom(xpath.evaluate("/project/version", pom), xpath.evaluate("/project/url", pom),
                    xpath.evaluate("/project/licenses/license/name", pom));
        } catch (ParserConfigurationException | SAXException | XPathExpressionException e) {
            throw new IOException("cannot read " + pomFile, e);
        }
    }
}
