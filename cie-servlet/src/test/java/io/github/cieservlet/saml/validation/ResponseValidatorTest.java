package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.ASSERTION_ID;
import static io.github.cieservlet.saml.validation.TestResponses.AUTHN_INSTANT;
import static io.github.cieservlet.saml.validation.TestResponses.CONDITIONS_NOT_ON_OR_AFTER;
import static io.github.cieservlet.saml.validation.TestResponses.CONFIRMATION_NOT_ON_OR_AFTER;
import static io.github.cieservlet.saml.validation.TestResponses.FISCAL_CODE;
import static io.github.cieservlet.saml.validation.TestResponses.FISCAL_NUMBER;
import static io.github.cieservlet.saml.validation.TestResponses.IDP_ENTITY_ID;
import static io.github.cieservlet.saml.validation.TestResponses.NAME_ID;
import static io.github.cieservlet.saml.validation.TestResponses.RESPONSE_ID;
import static io.github.cieservlet.saml.validation.TestResponses.SESSION_INDEX;
import static io.github.cieservlet.saml.validation.TestResponses.SKEW;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.idp;
import static io.github.cieservlet.saml.validation.TestResponses.pending;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static io.github.cieservlet.saml.validation.TestResponses.validate;
import static io.github.cieservlet.saml.validation.TestResponses.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.saml.validation.TestResponses.MemoryReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Response;

/** The valid Response, the identity it yields, replay protection and the validator's contract. */
class ResponseValidatorTest {

    @Test
    void case01_validResponse_yieldsTheCitizensIdentity() throws CieAuthenticationException {
        ValidatedResponse validated = validate(response().received());

        CieIdentity identity = validated.identity();
        assertThat(identity.getName()).isEqualTo(TestResponses.GIVEN_NAME);
        assertThat(identity.getFamilyName()).isEqualTo(TestResponses.FAMILY_NAME);
        assertThat(identity.getDateOfBirth()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(identity.getFiscalNumber()).isEqualTo(FISCAL_NUMBER);
        assertThat(identity.getFiscalCode()).isEqualTo(FISCAL_CODE);
        assertThat(identity.getLevel()).isEqualTo(CieLevel.L3);
        assertThat(identity.getNameId()).isEqualTo(NAME_ID);
        assertThat(identity.getNameIdQualifier()).isEqualTo(IDP_ENTITY_ID);
        assertThat(identity.getSessionIndex()).isEqualTo(SESSION_INDEX);
        assertThat(identity.getAuthnInstant()).isEqualTo(AUTHN_INSTANT);
        assertThat(identity.getIdpEntityId()).isEqualTo(IDP_ENTITY_ID);
        assertThat(validated.responseId()).isEqualTo(RESPONSE_ID);
        assertThat(validated.assertionId()).isEqualTo(ASSERTION_ID);
        assertThat(validated.assertionExpiry()).isEqualTo(CONDITIONS_NOT_ON_OR_AFTER);
    }

    @Test
    void assertionExpiry_isTheEarlierNotOnOrAfter() throws CieAuthenticationException {
        Response response = response().editAssertion(assertion -> assertion.getSubject().getSubjectConfirmations().get(0)
                .getSubjectConfirmationData().setNotOnOrAfter(CONDITIONS_NOT_ON_OR_AFTER.minusSeconds(30))).received();

        assertThat(validate(response).assertionExpiry()).isEqualTo(CONDITIONS_NOT_ON_OR_AFTER.minusSeconds(30));
    }

    @Test
    void sameResponseTwice_isRefusedAsReplay() throws CieAuthenticationException {
        byte[] xml = response().signedXml();
        ResponseValidator validator = validator();
        validator.validate(TestResponses.unmarshall(TestResponses.parse(xml)), pending(), idp());

        assertThatThrownBy(() -> validator.validate(TestResponses.unmarshall(TestResponses.parse(xml)), pending(), idp()))
                .isInstanceOfSatisfying(CieAuthenticationException.class, e -> {
                    assertThat(e.error()).isEqualTo(CieError.REPLAYED_RESPONSE);
                    assertThat(e.getMessage()).contains("Response", RESPONSE_ID);
                });
    }

    @Test
    void sameAssertionInANewResponse_isRefusedAsReplay() throws CieAuthenticationException {
        ResponseValidator validator = validator();
        validator.validate(response().received(), pending(), idp());
        Response rewrapped = response().edit(response -> response.setID("_another-response-id")).received();

        assertThatThrownBy(() -> validator.validate(rewrapped, pending(), idp()))
                .isInstanceOfSatisfying(CieAuthenticationException.class, e -> {
                    assertThat(e.error()).isEqualTo(CieError.REPLAYED_RESPONSE);
                    assertThat(e.getMessage()).contains("Assertion", ASSERTION_ID);
                });
    }

    @Test
    void replayCache_remembersBothIdsUntilTheLaterNotOnOrAfterPlusSkew() throws CieAuthenticationException {
        MemoryReplayCache cache = new MemoryReplayCache();

        validator(cache).validate(response().received(), pending(), idp());

        assertThat(cache.recorded()).containsOnly(
                entry("response:" + RESPONSE_ID, CONFIRMATION_NOT_ON_OR_AFTER.plus(SKEW)),
                entry("assertion:" + ASSERTION_ID, CONFIRMATION_NOT_ON_OR_AFTER.plus(SKEW)));
    }

    @Test
    void refusedResponse_doesNotUseUpItsIds() {
        MemoryReplayCache cache = new MemoryReplayCache();
        Response wrongAudience = response().editAssertion(assertion -> assertion.getConditions().getAudienceRestrictions()
                .get(0).getAudiences().get(0).setURI("https://other.example.it")).received();

        assertThatThrownBy(() -> validator(cache).validate(wrongAudience, pending(), idp()))
                .isInstanceOf(CieAuthenticationException.class);
        assertThat(cache.recorded()).isEmpty();
    }

    @Test
    void unsignedResponseWithSignedAssertion_isAccepted() throws CieAuthenticationException {
        assertThat(validate(response().unsignedResponse().received()).identity().getFiscalCode()).isEqualTo(FISCAL_CODE);
    }

    @Test
    void responseWithoutDom_isAProgrammingError() {
        Response built = TestResponses.build(Response.DEFAULT_ELEMENT_NAME);

        assertThatThrownBy(() -> validate(built)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeClockSkew_isRefused() {
        assertThatThrownBy(() -> new ResponseValidator(TestResponses.SP_ENTITY_ID, TestResponses.ACS_URL,
                Duration.ofSeconds(-1), Clock.systemUTC(), new MemoryReplayCache()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusalDetails_neverContainPersonalData() {
        Response wrongDate = response().editAssertion(assertion ->
                TestResponses.replaceAttributeValue(assertion, "dateOfBirth", "1980-02-30")).received();
        Response wrongFiscalNumber = response().editAssertion(assertion ->
                TestResponses.replaceAttributeValue(assertion, "fiscalNumber", "TINIT-" + FISCAL_CODE + "9")).received();

        assertThat(TestResponses.refusal(wrongDate).getMessage()).doesNotContain("1980");
        assertThat(TestResponses.refusal(wrongDate).getCause()).isNull();
        assertThat(TestResponses.refusal(wrongFiscalNumber).getMessage()).doesNotContain(FISCAL_CODE);
        assertThat(errorOf(wrongDate)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }
}
