package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.jsp.tagext.SimpleTag;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class TldTest {

    private static final String NS = "http://java.sun.com/xml/ns/javaee";

    private static Element taglib;

    @BeforeAll
    static void parse() throws Exception {
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
        DocumentBuilder builder = factory.newDocumentBuilder();
        try (InputStream tld = TldTest.class.getClassLoader().getResourceAsStream("META-INF/cie.tld")) {
            assertThat(tld).as("META-INF/cie.tld on the class path").isNotNull();
            Document document = builder.parse(tld);
            taglib = document.getDocumentElement();
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && NS.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> elements = children(parent, name);
        assertThat(elements).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
        return elements.get(0).getTextContent().trim();
    }

    @Test
    void identifiesTheLibrary() {
        assertThat(taglib.getLocalName()).isEqualTo("taglib");
        assertThat(text(taglib, "uri")).isEqualTo("https://cieservlet.github.io/tags");
        assertThat(text(taglib, "short-name")).isEqualTo("cie");
        assertThat(text(taglib, "description")).isNotEmpty();
    }

    @Test
    void declaresTheTags() {
        assertThat(children(taglib, "tag")).extracting(tag -> text(tag, "name"))
                .containsExactly("button", "spidButton", "eidasButton", "authenticated", "notAuthenticated", "identity", "loginUrl", "logoutUrl", "logoutForm");
    }

    @Test
    void everyTagIsAPublicSimpleTagWithADescription() throws Exception {
        for (Element tag : children(taglib, "tag")) {
            String name = text(tag, "name");
            Class<?> tagClass = Class.forName(text(tag, "tag-class"));
            assertThat(SimpleTag.class).as(name).isAssignableFrom(tagClass);
            assertThat(Modifier.isPublic(tagClass.getModifiers())).as(name).isTrue();
            assertThat(tagClass.getConstructor()).as(name).isNotNull();
            assertThat(text(tag, "description")).as("description of %s", name).isNotEmpty();
            assertThat(text(tag, "body-content")).as(name).isIn("empty", "scriptless");
        }
    }

    @Test
    void everyAttributeHasADescriptionAndAStringSetter() throws Exception {
        int attributes = 0;
        for (Element tag : children(taglib, "tag")) {
            Class<?> tagClass = Class.forName(text(tag, "tag-class"));
            for (Element attribute : children(tag, "attribute")) {
                String name = text(attribute, "name");
                String where = text(tag, "name") + "/@" + name;
                assertThat(text(attribute, "description")).as("description of %s", where).isNotEmpty();
                assertThat(text(attribute, "rtexprvalue")).as(where).isEqualTo("true");
                Method setter = tagClass.getMethod("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                        String.class);
                assertThat(Modifier.isPublic(setter.getModifiers())).as(where).isTrue();
                attributes++;
            }
        }
        assertThat(attributes).isEqualTo(23);
    }

    @Test
    void everyPublicSetterOfATagIsDeclared() throws Exception {
        for (Element tag : children(taglib, "tag")) {
            Class<?> tagClass = Class.forName(text(tag, "tag-class"));
            List<String> declared = children(tag, "attribute").stream().map(a -> text(a, "name")).toList();
            for (Method method : tagClass.getMethods()) {
                if (method.getDeclaringClass().getPackage() == tagClass.getPackage() && method.getName().startsWith("set")) {
                    String attribute = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
                    assertThat(declared).as("attributes of %s", text(tag, "name")).contains(attribute);
                }
            }
        }
    }
}
