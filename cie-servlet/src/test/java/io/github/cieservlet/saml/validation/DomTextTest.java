package io.github.cieservlet.saml.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.NameID;
import org.w3c.dom.Element;

/**
 * {@link DomText} on DOMs that SecureXml and OpenSAML's unmarshaller would never produce (nodes added after
 * unmarshalling): the refusal detail lists every child node's type, so the log shows what was injected.
 */
class DomTextTest {

    static {
        io.github.cieservlet.saml.OpenSamlBootstrap.initialize();
    }

    @Test
    void plainTextAndEmpty_areRead() throws Exception {
        assertThat(DomText.of(nameId("  _abc "), CieError.INVALID_SUBJECT, "NameID")).isEqualTo("  _abc ");
        assertThat(DomText.of(nameId(""), CieError.INVALID_SUBJECT, "NameID")).isEmpty();
    }

    @Test
    void injectedNodes_areRefused_andNamedInTheDetail() throws Exception {
        NameID injected = nameId("_a");
        Element dom = injected.getDOM();
        dom.appendChild(dom.getOwnerDocument().createComment("c"));
        dom.appendChild(dom.getOwnerDocument().createTextNode("b"));
        dom.appendChild(dom.getOwnerDocument().createProcessingInstruction("pi", "x"));
        dom.appendChild(dom.getOwnerDocument().createCDATASection("y"));
        dom.appendChild(dom.getOwnerDocument().createElementNS("urn:example:x", "x:e"));

        CieAuthenticationException refusal = catchThrowableOfType(CieAuthenticationException.class,
                () -> DomText.of(injected, CieError.INVALID_SUBJECT, "NameID"));

        assertThat(refusal.error()).isEqualTo(CieError.INVALID_SUBJECT);
        assertThat(refusal.getMessage()).isEqualTo("NameID is not plain text: it has 6 child nodes (text, comment, text,"
                + " processing instruction, CDATA, element); refused as possible comment injection");
    }

    /** One CDATA section is one text node (CDATASection is a Text): its content is the value, as XML says. */
    @Test
    void aSingleCdataSection_isReadAsText() throws Exception {
        NameID cdata = nameId("");
        cdata.getDOM().appendChild(cdata.getDOM().getOwnerDocument().createCDATASection("_a"));

        assertThat(DomText.of(cdata, CieError.INVALID_SUBJECT, "NameID")).isEqualTo("_a");
    }

    private static NameID nameId(String text) throws Exception {
        String xml = "<saml:NameID xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + text + "</saml:NameID>";
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element element = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        return (NameID) XMLObjectSupport.getUnmarshaller(element).unmarshall(element);
    }
}
