package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Response;

class SecureXmlTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesSamlIntoTheRequestedType() throws Exception {
        Response response = SecureXml.parse(utf8("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " ID=\"_r1\" Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\"/>"), Response.class);
        assertThat(response.getID()).isEqualTo("_r1");
    }

    @Test
    void refusesAnotherRootType() {
        assertThatThrownBy(() -> SecureXml.parse(utf8("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " ID=\"_r1\" Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\"/>"), AuthnRequest.class))
                .isInstanceOf(SamlXmlException.class).hasMessageContaining("expected AuthnRequest");
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"&x;\"/>";
        assertThatThrownBy(() -> SecureXml.parse(utf8(xxe))).isInstanceOf(SamlXmlException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                laughs.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            laughs.append("\">");
        }
        laughs.append("]><lolz>&lol9;</lolz>");
        assertThatThrownBy(() -> SecureXml.parse(utf8(laughs.toString()))).isInstanceOf(SamlXmlException.class);
    }

    @Test
    void refusesDeeplyNestedDocuments() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < SecureXml.MAX_ELEMENT_DEPTH + 10; i++) {
            deep.append("<a>");
        }
        for (int i = 0; i < SecureXml.MAX_ELEMENT_DEPTH + 10; i++) {
            deep.append("</a>");
        }
        assertThatThrownBy(() -> SecureXml.parse(utf8(deep.toString()))).isInstanceOf(SamlXmlException.class);
    }

    @Test
    void acceptsNestingWithinTheLimit() throws Exception {
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            nested.append("<a>");
        }
        for (int i = 0; i < 20; i++) {
            nested.append("</a>");
        }
        assertThat(SecureXml.parse(utf8(nested.toString())).getDocumentElement().getLocalName()).isEqualTo("a");
    }

    @Test
    void commentsDoNotSplitTextValues() throws Exception {
        String text = SecureXml.parse(utf8("<v>TINIT-AAA<!-- x -->BBB</v>")).getDocumentElement().getTextContent();
        assertThat(text).isEqualTo("TINIT-AAABBB");
        assertThat(SecureXml.parse(utf8("<v>TINIT-AAA<!-- x -->BBB</v>")).getDocumentElement().getChildNodes().getLength())
                .isEqualTo(1);
    }
}
