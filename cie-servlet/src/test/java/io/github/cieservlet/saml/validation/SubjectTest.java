package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.confirmationData;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.refusal;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The Subject: NameID and bearer SubjectConfirmation (saml-check cases 41-66). */
class SubjectTest {

    @Test
    void case41_subjectWithoutNameId_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> assertion.getSubject().setNameID(null)))).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case42_subjectMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> assertion.setSubject(null)))).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case43_nameIdEmpty_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> nameId(assertion).setValue(null)))).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void nameIdBlank_isRefused() {
        Response response = response().editXmlBeforeSigning(document -> nameIdElement(document).setTextContent("   ")).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case44_nameIdMissing_withOnlyAnEmptySubject_isRefused() {
        Response response = assertionEdited(assertion -> {
            Subject empty = TestResponses.build(Subject.DEFAULT_ELEMENT_NAME);
            assertion.setSubject(empty);
        });

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case45_nameIdFormatEmpty_isRefused() {
        Response response = response().editXmlBeforeSigning(document -> nameIdElement(document).setAttributeNS(null, "Format", ""))
                .received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case46_nameIdFormatMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> nameId(assertion).setFormat(null)))).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case47_nameIdFormatPersistent_isRefused() {
        Response response = assertionEdited(assertion -> nameId(assertion).setFormat(NameIDType.PERSISTENT));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case48_nameQualifierEmpty_isRefused() {
        Response response = response()
                .editXmlBeforeSigning(document -> nameIdElement(document).setAttributeNS(null, "NameQualifier", "")).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    /** White space alone, ASCII or Unicode (no-break, em space), is no NameQualifier. */
    @ParameterizedTest(name = "NameQualifier ''{0}''")
    @ValueSource(strings = {"   ", "\t\n", "\u00a0", "\u2003"})
    void nameQualifierBlank_isRefused(String blank) {
        Response response = response()
                .editXmlBeforeSigning(document -> nameIdElement(document).setAttributeNS(null, "NameQualifier", blank)).received();

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_SUBJECT);
        assertThat(refusal.getMessage()).isEqualTo("NameID NameQualifier is missing or empty");
    }

    @Test
    void nameIdOfUnicodeSpacesOnly_isRefused() {
        Response response = response().editXmlBeforeSigning(document -> nameIdElement(document).setTextContent("\u00a0\u2003"))
                .received();

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_SUBJECT);
        assertThat(refusal.getMessage()).isEqualTo("NameID is empty");
    }

    @Test
    void case49_nameQualifierMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> nameId(assertion).setNameQualifier(null)))).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case52_subjectConfirmationMissing_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getSubject().getSubjectConfirmations().clear());

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void twoSubjectConfirmations_areRefused() {
        Response response = assertionEdited(assertion -> {
            SubjectConfirmation second = TestResponses.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
            second.setMethod(SubjectConfirmation.METHOD_BEARER);
            assertion.getSubject().getSubjectConfirmations().add(second);
        });

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case54_subjectConfirmationMethodMissing_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getSubject().getSubjectConfirmations().get(0).setMethod(null));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case55_subjectConfirmationMethodHolderOfKey_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getSubject().getSubjectConfirmations().get(0)
                .setMethod(SubjectConfirmation.METHOD_HOLDER_OF_KEY));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case56_subjectConfirmationDataMissing_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getSubject().getSubjectConfirmations().get(0)
                .setSubjectConfirmationData(null));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case58_recipientMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> confirmationData(assertion).setRecipient(null))))
                .isEqualTo(CieError.INVALID_DESTINATION);
    }

    @Test
    void case59_recipientNotTheAcsUrl_isRefused() {
        Response response = assertionEdited(assertion -> confirmationData(assertion).setRecipient("https://other.example.it/acs"));

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_DESTINATION);
        assertThat(refusal.getMessage()).contains("Recipient");
    }

    @Test
    void case61_confirmationInResponseToMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> confirmationData(assertion).setInResponseTo(null))))
                .isEqualTo(CieError.UNKNOWN_REQUEST);
    }

    @Test
    void case62_confirmationInResponseToAnotherRequest_isRefused() {
        Response response = assertionEdited(assertion -> confirmationData(assertion).setInResponseTo("_another-request"));

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.UNKNOWN_REQUEST);
        assertThat(refusal.getMessage()).contains("SubjectConfirmationData");
    }

    @Test
    void case64_confirmationNotOnOrAfterMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> confirmationData(assertion).setNotOnOrAfter(null))))
                .isEqualTo(CieError.INVALID_SUBJECT);
    }

    @Test
    void case66_confirmationNotOnOrAfterPassed_isRefused() {
        Response response = assertionEdited(assertion -> confirmationData(assertion)
                .setNotOnOrAfter(TestResponses.NOW.minusSeconds(3600)));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void confirmationNotBeforeInTheFuture_isRefused() {
        Response response = assertionEdited(assertion -> confirmationData(assertion)
                .setNotBefore(TestResponses.NOW.plusSeconds(3600)));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_CONDITIONS);
    }

    /** NotBefore is optional on SubjectConfirmationData (CIE omits it): absent is a clean acceptance. */
    @Test
    void confirmationNotBeforeAbsent_isAccepted() throws CieAuthenticationException {
        Response response = response().received();
        assertThat(confirmationData(response.getAssertions().get(0)).getNotBefore()).isNull();

        assertThat(TestResponses.validate(response).assertionId()).isEqualTo(TestResponses.ASSERTION_ID);
    }

    /** NotBefore exactly at now + skew is accepted; one millisecond later it is refused. */
    @Test
    void confirmationNotBeforeAtTheSkewBoundary() throws CieAuthenticationException {
        Instant edge = TestResponses.NOW.plus(TestResponses.SKEW);

        assertThat(TestResponses.validate(assertionEdited(assertion -> confirmationData(assertion).setNotBefore(edge)))
                .assertionId()).isEqualTo(TestResponses.ASSERTION_ID);
        CieAuthenticationException refusal = refusal(assertionEdited(assertion -> confirmationData(assertion)
                .setNotBefore(edge.plusMillis(1))));
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_CONDITIONS);
        assertThat(refusal.getMessage()).startsWith("SubjectConfirmationData NotBefore").endsWith(", skew PT1M");
    }

    private static Response assertionEdited(Consumer<Assertion> edit) {
        return response().editAssertion(edit).received();
    }

    private static NameID nameId(Assertion assertion) {
        return assertion.getSubject().getNameID();
    }

    private static Element nameIdElement(Document document) {
        Element subject = TestResponses.child(TestResponses.assertionElement(document), SAMLConstants.SAML20_NS,
                Subject.DEFAULT_ELEMENT_LOCAL_NAME);
        return TestResponses.child(subject, SAMLConstants.SAML20_NS, NameID.DEFAULT_ELEMENT_LOCAL_NAME);
    }
}
