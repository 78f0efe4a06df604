package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Attacker input writes no log line of its own below the library: OpenSAML's SAMLSignatureProfileValidator (ERROR
 * "Invalid number of Transforms", "Reference URI ... did not point to ..."), the parser pool's ERROR "XML Parsing
 * Error" and Santuario's JDK-format "WARNING: Signature verification failed." and digest lines never appear. The
 * library's one WARN line per refusal is written by the servlet that renders the error page (sample-war's
 * {@code SecurityIT} checks it end to end). Captured: every java.util.logging record, and SLF4J output (the test
 * binding, slf4j-simple, writes to {@code System.err}).
 */
class AttackLoggingTest {

    private final List<LogRecord> julRecords = new ArrayList<>();
    private final ByteArrayOutputStream slf4j = new ByteArrayOutputStream();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (julRecords) {
                julRecords.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private PrintStream originalErr;

    static List<Arguments> attacks() {
        return List.of(
                Arguments.of("XSW: signed Response moved inside a forged one", CieError.SIGNATURE_INVALID,
                        (Supplier<byte[]>) () -> response().afterSigning(document -> {
                            Element original = document.getDocumentElement();
                            Element forged = SignatureWrappingTest.forgedResponse(original);
                            document.replaceChild(forged, original);
                            forged.insertBefore(original, SignatureWrappingTest.signatureOf(forged));
                        }).receivedXml()),
                Arguments.of("XSW: signed Response moved into the Signature of a forged one", CieError.MALFORMED_RESPONSE,
                        (Supplier<byte[]>) () -> response().afterSigning(document -> {
                            Element original = document.getDocumentElement();
                            Element forged = SignatureWrappingTest.forgedResponse(original);
                            document.replaceChild(forged, original);
                            SignatureWrappingTest.signatureOf(forged).appendChild(original);
                        }).receivedXml()),
                Arguments.of("XSLT transform added to the Assertion signature", CieError.SIGNATURE_INVALID,
                        (Supplier<byte[]>) () -> response().unsignedResponse()
                                .afterSigning(ConformanceCases::addXsltTransform).receivedXml()),
                Arguments.of("signed value changed after signing (digest mismatch)", CieError.SIGNATURE_INVALID,
                        (Supplier<byte[]>) () -> response().afterSigning(
                                document -> ConformanceCases.setAttributeValue(TestResponses.assertionElement(document),
                                        "fiscalNumber", "TINIT-ATTACKER00A00A000A")).receivedXml()),
                Arguments.of("XXE: external entity", CieError.MALFORMED_RESPONSE,
                        (Supplier<byte[]>) () -> XmlAttackTest.withDoctype("<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM"
                                + " \"file:///etc/passwd\">]>", "TINIT-" + TestResponses.FISCAL_CODE, "&xxe;")),
                Arguments.of("not well-formed XML", CieError.MALFORMED_RESPONSE,
                        (Supplier<byte[]>) () -> "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"><a>"
                                .getBytes(StandardCharsets.UTF_8)));
    }

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
        originalErr = System.err;
        System.setErr(new PrintStream(slf4j, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        Logger.getLogger("").removeHandler(capture);
        originalErr.print(slf4j.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackIsRefusedWithoutAnyLogLineOfTheLibrariesBelow(String attack, CieError expected, Supplier<byte[]> xml) {
        byte[] bytes = xml.get();
        julRecords.clear();
        slf4j.reset();

        assertThat(AcsPipeline.refusal(bytes).error()).isEqualTo(expected);

        String slf4jLines = slf4j.toString(StandardCharsets.UTF_8);
        assertThat(slf4jLines).as("SLF4J output of OpenSAML and the parser pool").doesNotContain("ERROR")
                .doesNotContain("WARN");
        List<String> julLines;
        synchronized (julRecords) {
            julLines = julRecords.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).collect(Collectors.toList());
        }
        assertThat(julLines).as("java.util.logging lines (Santuario)").isEmpty();
    }
}
