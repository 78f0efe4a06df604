package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.assertionElement;
import static io.github.cieservlet.saml.validation.TestResponses.child;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieError;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every time value of a Response must be a full xs:dateTime with a time zone, as received: a bare date
 * ({@code 2018-09-04}, which OpenSAML reads as midnight UTC), a date-time without a zone or with too long a fraction is
 * {@link CieError#MALFORMED_RESPONSE}. Each bad value is written before the IdP signs the Response.
 */
class TimeFormatTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

    private static Function<Document, Element> element(String where) {
        switch (where) {
            case "Response":
                return Document::getDocumentElement;
            case "Assertion":
                return TestResponses::assertionElement;
            case "Conditions":
                return d -> child(assertionElement(d), SAML, "Conditions");
            case "SubjectConfirmationData":
                return d -> child(child(child(assertionElement(d), SAML, "Subject"), SAML, "SubjectConfirmation"), SAML,
                        "SubjectConfirmationData");
            case "AuthnStatement":
                return d -> child(assertionElement(d), SAML, "AuthnStatement");
            default:
                throw new IllegalArgumentException(where);
        }
    }

    @ParameterizedTest(name = "{0} {1}=\"{2}\" is refused as malformed")
    @CsvSource({
        "Response, IssueInstant, 2018-09-04",
        "Response, IssueInstant, 2025-03-14T10:15:29",
        "Assertion, IssueInstant, 2025-03-14",
        "Assertion, IssueInstant, 2025-03-14T10:15:29.1234567890Z",
        "Conditions, NotBefore, 2025-03-14",
        "Conditions, NotOnOrAfter, 2099-12-31",
        "SubjectConfirmationData, NotOnOrAfter, 2099-12-31",
        "AuthnStatement, AuthnInstant, 2025-03-14",
        "AuthnStatement, SessionNotOnOrAfter, 2099-12-31T00:00:00",
    })
    void timeValueThatIsNotAFullDateTimeIsRefused(String where, String attribute, String value) {
        byte[] xml = response().editXmlBeforeSigning(d -> element(where).apply(d).setAttributeNS(null, attribute, value))
                .receivedXml();

        assertThat(AcsPipeline.refusal(xml)).satisfies(e -> {
            assertThat(e.error()).isEqualTo(CieError.MALFORMED_RESPONSE);
            assertThat(e.getMessage()).contains(attribute).contains("full xs:dateTime");
        });
    }

    @ParameterizedTest(name = "{0} {1}=\"{2}\" is accepted")
    @CsvSource({
        "Response, IssueInstant, 2025-03-14T10:15:29Z",
        "Response, IssueInstant, 2025-03-14T11:15:29.5+01:00",
        "AuthnStatement, SessionNotOnOrAfter, 2099-12-31T00:00:00Z",
    })
    void fullDateTimeWithZoneIsAccepted(String where, String attribute, String value) throws Exception {
        byte[] xml = response().editXmlBeforeSigning(d -> element(where).apply(d).setAttributeNS(null, attribute, value))
                .receivedXml();

        assertThat(AcsPipeline.consume(xml).identity().getFiscalCode()).isEqualTo(TestResponses.FISCAL_CODE);
    }
}
