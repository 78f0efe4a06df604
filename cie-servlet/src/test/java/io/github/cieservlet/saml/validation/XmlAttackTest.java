package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.saml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Hostile XML in an otherwise valid Response signed by the identity provider, through the ACS pipeline
 * ({@link AcsPipeline}): each is refused as {@code CIE-MALFORMED_RESPONSE} within a few seconds, before any
 * entity is expanded or anything is fetched.
 *
 * <p>Defence guarded: {@link SecureXml}'s parser (DOCTYPE refused, no external entities or DTDs, no XInclude,
 * nesting at most {@link SecureXml#MAX_ELEMENT_DEPTH}). The request-size limit (10 MB SAMLResponse) is
 * end-to-end, in sample-war's {@code SecurityIT}.
 */
class XmlAttackTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    /** XXE: an external entity naming a local file, used inside the fiscal number. */
    @Test
    void externalEntityReadingALocalFile_isRefused() throws Exception {
        Path secret = Files.write(dir.resolve("secret.txt"), "TOP-SECRET".getBytes(StandardCharsets.UTF_8));
        byte[] xml = withDoctype("<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
                "TINIT-" + TestResponses.FISCAL_CODE, "&xxe;");

        CieAuthenticationException refusal = refusedQuickly(xml);
        assertThat(refusal.getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
    }

    /** Out-of-band XXE through a parameter entity and an external DTD on the network. */
    @Test
    void parameterEntityAndExternalDtd_areRefusedWithoutFetching() {
        byte[] xml = withDoctype("<!DOCTYPE samlp:Response SYSTEM \"http://127.0.0.1:9/evil.dtd\" "
                + "[<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x\"> %remote;]>", null, null);

        assertThat(refusedQuickly(xml).getMessage()).contains("DOCTYPE");
    }

    /** A DTD with nothing in it is refused too: no DOCTYPE at all is allowed. */
    @Test
    void anyDoctype_isRefused() {
        assertThat(refusedQuickly(withDoctype("<!DOCTYPE samlp:Response>", null, null)).getMessage()).contains("DOCTYPE");
    }

    /** Billion laughs: ten levels of ten entities, a gigabyte of "lol" if expanded. */
    @Test
    void billionLaughs_isRefusedBeforeExpansion() {
        StringBuilder laughs = new StringBuilder("<!DOCTYPE samlp:Response [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                laughs.append("&lol").append(i - 1).append(';');
            }
            laughs.append("\">");
        }
        laughs.append("]>");
        byte[] xml = withDoctype(laughs.toString(), "TINIT-" + TestResponses.FISCAL_CODE, "&lol9;");

        refusedQuickly(xml);
    }

    /** Deeply nested elements (200,000 levels) inside an attribute value, past the depth limit. */
    @Test
    void deeplyNestedElements_areRefused() {
        int depth = 200_000;
        StringBuilder nest = new StringBuilder(depth * 7);
        for (int i = 0; i < depth; i++) {
            nest.append("<x:a>");
        }
        for (int i = 0; i < depth; i++) {
            nest.append("</x:a>");
        }
        String signed = new String(response().signedXml(), StandardCharsets.UTF_8);
        String fiscalNumber = "TINIT-" + TestResponses.FISCAL_CODE;
        byte[] xml = signed.replace(fiscalNumber, "<x:w xmlns:x=\"urn:x\">" + nest + "</x:w>").getBytes(StandardCharsets.UTF_8);

        assertThat(refusedQuickly(xml).getMessage()).containsIgnoringCase("depth");
    }

    /** XInclude is not processed: an xi:include stays an element (and, added after signing, breaks the signature). */
    @Test
    void xinclude_isNotProcessed() throws Exception {
        Path secret = Files.write(dir.resolve("included.txt"), "TOP-SECRET".getBytes(StandardCharsets.UTF_8));
        byte[] xml = response().unsignedResponse().afterSigning(document -> {
            Element value = TestResponses.attributeValueElement(document, "fiscalNumber");
            Element include = document.createElementNS("http://www.w3.org/2001/XInclude", "xi:include");
            include.setAttributeNS(null, "href", secret.toUri().toString());
            include.setAttributeNS(null, "parse", "text");
            value.appendChild(include);
        }).receivedXml();

        Document parsed = SecureXml.parse(xml);
        assertThat(parsed.getDocumentElement().getTextContent()).doesNotContain("TOP-SECRET");
        assertThat(parsed.getElementsByTagNameNS("http://www.w3.org/2001/XInclude", "include").getLength()).isEqualTo(1);
        assertThat(AcsPipeline.refusal(xml).error()).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    /**
     * @param doctype the DOCTYPE declaration put before the root element of a valid signed Response
     * @param find a text of the Response to replace, or null
     * @param replacement its replacement
     */
    static byte[] withDoctype(String doctype, String find, String replacement) {
        String signed = new String(response().signedXml(), StandardCharsets.UTF_8);
        if (signed.startsWith("<?xml")) {
            signed = signed.substring(signed.indexOf("?>") + 2);
        }
        if (find != null) {
            signed = signed.replace(find, replacement);
        }
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + signed).getBytes(StandardCharsets.UTF_8);
    }

    private static CieAuthenticationException refusedQuickly(byte[] xml) {
        CieAuthenticationException refusal = assertTimeoutPreemptively(QUICKLY, () -> AcsPipeline.refusal(xml));
        assertThat(refusal.error()).isEqualTo(CieError.MALFORMED_RESPONSE);
        return refusal;
    }
}
