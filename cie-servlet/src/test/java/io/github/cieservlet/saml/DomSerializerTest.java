package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The one-pass writer behind {@link SecureXml#toXml}: what it writes parses back to the same DOM, signatures intact. */
class DomSerializerTest {

    private static final String DESTINATION = "https://idp.example.it/idp/profile/SAML2/POST/SSO";

    private static Document parse(String xml) throws SamlXmlException {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesASignedAuthnRequestThatParsesBackEqual_andItsSignatureVerifies() throws Exception {
        AuthnRequest request = new AuthnRequestFactory(TestSettings.settings()).create(SamlIds.newId(), Instant.now(),
                DESTINATION);
        Element signed = new XmlSigner(TestCredentials.sp().privateKey(), TestCredentials.sp().certificate()).sign(request);

        String xml = DomSerializer.toXml(signed);

        assertThat(parse(xml).getDocumentElement().isEqualNode(signed)).isTrue();
        assertThat(parse(SerializeSupport.nodeToString(signed)).getDocumentElement().isEqualNode(signed)).isTrue();
        AuthnRequest parsed = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), AuthnRequest.class);
        assertThat(EnvelopedSignatureVerifier.isValid(parsed, List.of(TestCredentials.sp().certificate()))).isTrue();
    }

    @Test
    void writesTheSignedSpMetadataThatParsesBackEqual_andItsSignatureVerifies() throws Exception {
        String xml = new SpMetadataFactory(TestSettings.settings()).signedXml();

        Element root = parse(xml).getDocumentElement();
        assertThat(parse(DomSerializer.toXml(root)).getDocumentElement().isEqualNode(root)).isTrue();
        assertThat(DomSerializer.toXml(root)).isEqualTo(xml);
        EntityDescriptor parsed = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), EntityDescriptor.class);
        assertThat(EnvelopedSignatureVerifier.isValid(parsed, List.of(TestCredentials.sp().certificate()))).isTrue();
    }

    @Test
    void escapesValuesSoThatParsingRestoresThem() throws Exception {
        Document document = parse("<r xmlns=\"urn:x\"/>");
        Element root = document.getDocumentElement();
        String attribute = "a\t\"b\"\n<&>\rc'";
        String text = "x < y & z > w\r\n\t\"q\" 'é' \uD83D\uDE00";
        root.setAttributeNS(null, "v", attribute);
        root.appendChild(document.createTextNode(text));

        Element back = parse(DomSerializer.toXml(root)).getDocumentElement();

        assertThat(back.getAttributeNS(null, "v")).isEqualTo(attribute);
        assertThat(back.getTextContent()).isEqualTo(text);
        assertThat(back.getNamespaceURI()).isEqualTo("urn:x");
    }

    @Test
    void startsWithTheXmlDeclaration_andWritesAnEmptyElementShort() throws Exception {
        assertThat(DomSerializer.toXml(parse("<r a=\"1\"></r>").getDocumentElement()))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r a=\"1\"/>");
    }

    @Test
    void refusesNodesItDoesNotWrite() throws Exception {
        Document document = parse("<r/>");
        document.getDocumentElement().appendChild(document.createComment("c"));

        assertThatThrownBy(() -> DomSerializer.toXml(document.getDocumentElement()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type 8");
    }

    @Test
    void refusesCharactersXmlCannotCarry() throws Exception {
        Document document = parse("<r/>");
        document.getDocumentElement().setAttributeNS(null, "v", "a\u0001b");

        assertThatThrownBy(() -> DomSerializer.toXml(document.getDocumentElement()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+1");
    }
}
