package io.github.cieservlet.saml.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.saml.SecureXml;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The one-walk ID count that SignatureCheck's "the signed ID occurs once" check reads. */
class DocumentIdsTest {

    private static Document parse(String xml) throws Exception {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsEveryIdLikeAttributeInTheWholeDocument() throws Exception {
        Document document = parse("<r xmlns:x=\"urn:x\" ID=\"_a\"><c Id=\"_a\"><d x:id=\"_a\"/></c>"
                + "<e iD=\"_b\"/><f name=\"_a\"/></r>");

        DocumentIds ids = DocumentIds.of(document);

        assertThat(ids.occurrences("_a")).isEqualTo(3);
        assertThat(ids.occurrences("_b")).isEqualTo(1);
        assertThat(ids.occurrences("_c")).isZero();
        assertThat(ids.document()).isSameAs(document);
    }

    @Test
    void countsAnAttributeRegisteredAsIdWhateverItsName() throws Exception {
        Document document = parse("<r ID=\"_a\"><c ref=\"_a\"/></r>");
        ((Element) document.getDocumentElement().getFirstChild()).setIdAttributeNS(null, "ref", true);

        assertThat(DocumentIds.of(document).occurrences("_a")).isEqualTo(2);
    }

    @Test
    void walksPastTheDeepestLastElementToTheEnd() throws Exception {
        Document document = parse("<r><a><b><c id=\"_x\"/></b></a><z><y id=\"_x\"/></z></r>");

        assertThat(DocumentIds.of(document).occurrences("_x")).isEqualTo(2);
    }
}
