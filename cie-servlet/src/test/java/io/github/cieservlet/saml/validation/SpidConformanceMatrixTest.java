package io.github.cieservlet.saml.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.spid.SpidResponseProfile;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensaml.saml.saml2.core.Response;

/**
 * The conformance matrix ({@link ConformanceCases}, cases 1-113 of spid-sp-test's Response list) run under the
 * SPID profile ({@code spid-sp-public}/{@code spid-sp-private}: the Response checks are the same for both), the
 * way the ACS runs a SPID login: every row is built as for CIE but with the Assertion Issuer's
 * {@code Format=entity} SPID identity providers send, and validated with {@link SpidResponseProfile} asking the
 * four attributes of the rows. Each row must end as for CIE, except where the SPID rules differ:
 * {@link #SPID_DIFFERENCES}.
 */
class SpidConformanceMatrixTest {

    /** The rows whose SPID outcome differs from CIE's, and why. */
    static final Map<Integer, CieError> SPID_DIFFERENCES = Map.of(
            71, CieError.INVALID_ISSUER, // Assertion Issuer Format missing: KO in SPID, skipped for CIE
            104, CieError.IDP_TOO_MANY_ATTEMPTS, // nr19: its own SPID page
            105, CieError.IDP_LEVEL_NOT_AVAILABLE, // nr20
            108, CieError.IDP_IDENTITY_SUSPENDED); // nr23: SPID identity suspended, not a CIE card

    private static final SpidResponseProfile SPID = SpidResponseProfile.spid(
            List.of("name", "familyName", "fiscalNumber", "dateOfBirth"));

    static Stream<ConformanceCase> applicableCases() {
        return ConformanceMatrixTest.applicableCases();
    }

    @ParameterizedTest(name = "spid {0}")
    @MethodSource("applicableCases")
    void caseIsAnsweredAsTheSpidProfileSays(ConformanceCase row) {
        CieError expected = SPID_DIFFERENCES.getOrDefault(row.number(), row.expected());
        byte[] xml;
        TestResponses.SPID_ISSUER_FORMAT.set(Boolean.TRUE);
        try {
            xml = row.xml().get();
        } finally {
            TestResponses.SPID_ISSUER_FORMAT.remove();
        }
        CieError outcome = outcome(xml, row);
        if (expected == null) {
            assertThat(outcome).as("case %d must be accepted", row.number()).isNull();
        } else {
            assertThat(outcome).as("case %d must be refused with %s", row.number(), expected).isEqualTo(expected);
        }
    }

    private static CieError outcome(byte[] xml, ConformanceCase row) {
        try {
            Response response;
            try {
                response = SecureXml.parse(xml, Response.class);
            } catch (SamlXmlException e) {
                return CieError.MALFORMED_RESPONSE;
            }
            ValidatedResponse validated = TestResponses.validator().validate(response, row.pending(),
                    TestResponses.idp(), SPID);
            assertThat(validated.identity().getFiscalCode()).isEqualTo(TestResponses.FISCAL_CODE);
            return null;
        } catch (CieAuthenticationException e) {
            return e.error();
        } catch (RuntimeException e) {
            return fail("case %d: unexpected %s", row.number(), e);
        }
    }
}
