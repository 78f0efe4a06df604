package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.testidp.response.TestCitizen;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.htmlunit.Page;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A refused attack writes exactly one WARN line, the library's, with its error code, and nothing at ERROR, over
 * real HTTP in Jetty: each case takes a Response really signed by the IdP the portal trusts and changes it the way an
 * attacker would (signature wrapping, an XSLT transform added to the Assertion signature of a Response whose own
 * signature is dropped, a changed value, an XXE DOCTYPE). The portal runs in this
 * JVM, so every java.util.logging record it writes (the library's, Santuario's) is captured, and so is the SLF4J
 * output of OpenSAML and the parser pool on {@code System.err}.
 */
class AttackLoggingIT {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    @RegisterExtension
    static final TrustedPortal PORTAL = new TrustedPortal();
    private static final TrustedIdp IDP = PORTAL.idp();

    private static UnaryOperator<String> attack(String name) {
        switch (name) {
            case "XSW1":
                return xml -> edited(xml, document -> {
                    Element original = document.getDocumentElement();
                    Element forged = (Element) original.cloneNode(true);
                    forged.setAttributeNS(null, "ID", "_evil");
                    document.replaceChild(forged, original);
                    child(forged, DS, "Signature").appendChild(original);
                });
            case "XSLT":
                return xml -> edited(xml, document -> {
                    Element response = document.getDocumentElement();
                    response.removeChild(child(response, DS, "Signature"));
                    Element transforms = (Element) child(document.getDocumentElement(), SAML, "Assertion")
                            .getElementsByTagNameNS(DS, "Transforms").item(0);
                    Element transform = document.createElementNS(DS, "ds:Transform");
                    transform.setAttributeNS(null, "Algorithm", "http://www.w3.org/TR/1999/REC-xslt-19991116");
                    transforms.appendChild(transform);
                });
            case "TAMPERED":
                return xml -> xml.replace("TINIT-RSSMRA80A01H501U", "TINIT-TTTTTT80A01H501U");
            case "XXE":
                return xml -> "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + xml.replace("RSSMRA80A01H501U", "&x;");
            default:
                throw new IllegalArgumentException(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"XSW1, CIE-MALFORMED_RESPONSE", "XSLT, CIE-SIGNATURE_INVALID", "TAMPERED, CIE-SIGNATURE_INVALID",
        "XXE, CIE-MALFORMED_RESPONSE"})
    void refusedAttackIsOneWarnLineOfTheLibraryAndNoError(String attack, String code) throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", PORTAL.base())) {
            TrustedIdp.LoginStart login = TrustedIdp.startLogin(browser, PORTAL.base());
            String xml = attack(attack).apply(IDP.success(login, TestCitizen.MARIO_ROSSI));

            List<LogRecord> records = new ArrayList<>();
            Handler handler = new Handler() {
                @Override
                public synchronized void publish(LogRecord record) {
                    records.add(record);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            ByteArrayOutputStream slf4j = new ByteArrayOutputStream();
            PrintStream err = System.err;
            Logger root = Logger.getLogger("");
            root.addHandler(handler);
            System.setErr(new PrintStream(slf4j, true, StandardCharsets.UTF_8));
            Page refused;
            try {
                refused = TrustedIdp.post(browser, login, xml);
            } finally {
                System.setErr(err);
                root.removeHandler(handler);
            }

            assertThat(refused.getWebResponse().getStatusCode()).isBetween(400, 499);
            assertThat(refused.getWebResponse().getContentAsString()).contains(code);
            List<String> warnings;
            synchronized (handler) {
                warnings = records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                        .map(r -> r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage()).collect(Collectors.toList());
            }
            assertThat(warnings).hasSize(1).allSatisfy(line -> assertThat(line)
                    .startsWith("WARNING io.github.cieservlet.").contains(code));
            assertThat(slf4j.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR").doesNotContain("WARN");
        }
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && namespace.equals(node.getNamespaceURI()) && localName.equals(node.getLocalName())) {
                return (Element) node;
            }
        }
        throw new AssertionError("no " + localName + " in " + parent.getLocalName());
    }

    /** Parses the signed XML, applies the attacker's change to the DOM, serialises it again as it is. */
    private static String edited(String xml, Consumer<Document> change) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            change.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
