package io.github.cieservlet.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The web.xml of each install guide has the same {@code cie.*} context-params (names, in order) and the same
 * CIE filter and mapping as the sample WAR's web.xml, which the container tests deploy.
 */
class InstallGuidesTest {

    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(<web-app.*?</web-app>)\\n```", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"docs/install-tomcat.md", "docs/install-tomcat9-javax.md", "docs/install-wildfly.md"})
    void guideWebXmlMatchesTheSampleWar(String guide) throws Exception {
        Document sample = parse(Files.readString(ROOT.resolve("sample-war/src/main/webapp/WEB-INF/web.xml")));
        Matcher block = XML_BLOCK.matcher(Files.readString(ROOT.resolve(guide), StandardCharsets.UTF_8));
        assertThat(block.find()).as(guide + " has a ```xml block with <web-app>").isTrue();
        Document documented = parse(block.group(1));

        assertThat(cieParams(documented)).as(guide).isEqualTo(cieParams(sample));
        assertThat(texts(documented, "filter-class")).as(guide).isEqualTo(texts(sample, "filter-class"));
        assertThat(filterPatterns(documented)).as(guide).isEqualTo(filterPatterns(sample));
        assertThat(texts(documented, "tracking-mode")).isEqualTo(texts(sample, "tracking-mode"));
        assertThat(block.group(1)).as(guide + ": secrets come from the environment")
                .contains("${env:CIE_KEYSTORE_SECRET}").doesNotContain("demo-only-not-secret");
    }

    private static List<String> cieParams(Document doc) {
        List<String> names = new ArrayList<>();
        for (String name : texts(doc, "param-name")) {
            if (name.startsWith("cie.")) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> filterPatterns(Document doc) {
        List<String> patterns = new ArrayList<>();
        NodeList mappings = doc.getElementsByTagNameNS("*", "filter-mapping");
        for (int i = 0; i < mappings.getLength(); i++) {
            NodeList urls = ((Element) mappings.item(i)).getElementsByTagNameNS("*", "url-pattern");
            for (int j = 0; j < urls.getLength(); j++) {
                patterns.add(urls.item(j).getTextContent().trim());
            }
        }
        return patterns;
    }

    private static List<String> texts(Document doc, String localName) {
        List<String> values = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
