package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.authnStatement;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.idp;
import static io.github.cieservlet.saml.validation.TestResponses.pending;
import static io.github.cieservlet.saml.validation.TestResponses.refusal;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static io.github.cieservlet.saml.validation.TestResponses.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;

/** The AuthnStatement and the level (saml-check cases 88-97). */
class AuthnContextTest {

    @Test
    void case88_authnStatementMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> assertion.getAuthnStatements().clear())))
                .isEqualTo(CieError.INVALID_AUTHN_CONTEXT);
    }

    @Test
    void twoAuthnStatements_areRefused() {
        Response response = assertionEdited(assertion -> assertion.getAuthnStatements().add(authnStatement(CieLevel.L3.uri())));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUTHN_CONTEXT);
    }

    @Test
    void authnInstantMissing_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getAuthnStatements().get(0).setAuthnInstant(null));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUTHN_CONTEXT);
    }

    @Test
    void case90_authnContextMissing_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getAuthnStatements().get(0).setAuthnContext(null));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUTHN_CONTEXT);
    }

    @Test
    void case92_authnContextClassRefEmpty_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> classRef(assertion, ""))))
                .isEqualTo(CieError.INVALID_AUTHN_CONTEXT);
    }

    @Test
    void case93_authnContextClassRefMissing_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getAuthnStatements().get(0).getAuthnContext()
                .setAuthnContextClassRef(null));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUTHN_CONTEXT);
    }

    @Test
    void case97_legacyClassRef_isRefused() {
        Response response = assertionEdited(assertion -> classRef(assertion, "urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1"));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUTHN_CONTEXT);
    }

    @ParameterizedTest(name = "case{0}: {1} returned, {2} {3} requested -> accepted")
    @CsvSource({
            "94, L1, L1, MINIMUM",
            "95, L2, L2, MINIMUM",
            "96, L3, L3, MINIMUM",
            "96, L3, L3, EXACT",
            "95, L2, L1, MINIMUM",
            "96, L3, L1, MINIMUM",
            "96, L3, L2, MINIMUM"})
    void levelAtLeastTheRequestedOne_isAccepted(int caseNumber, CieLevel returned, CieLevel requested,
            LevelComparison comparison) throws CieAuthenticationException {
        Response response = assertionEdited(assertion -> classRef(assertion, returned.uri()));

        ValidatedResponse validated = validator().validate(response, pending(requested, comparison), idp());

        assertThat(validated.identity().getLevel()).isEqualTo(returned);
    }

    @Test
    void higherLevelThanAnExactRequest_isAccepted_asSpidRtAllows() throws CieAuthenticationException {
        Response response = assertionEdited(assertion -> classRef(assertion, CieLevel.L3.uri()));

        ValidatedResponse validated = validator().validate(response, pending(CieLevel.L2, LevelComparison.EXACT), idp());

        assertThat(validated.identity().getLevel()).isEqualTo(CieLevel.L3);
    }

    @ParameterizedTest(name = "{0} returned, {1} {2} requested -> refused")
    @CsvSource({
            "L2, L3, EXACT",
            "L2, L3, MINIMUM",
            "L1, L3, MINIMUM",
            "L1, L2, MINIMUM"})
    void levelLowerThanRequested_isRefused(CieLevel returned, CieLevel requested, LevelComparison comparison) {
        Response response = assertionEdited(assertion -> classRef(assertion, returned.uri()));

        CieAuthenticationException refusal = refusal(response, pending(requested, comparison));

        assertThat(refusal.error()).isEqualTo(CieError.INSUFFICIENT_LEVEL);
        assertThat(refusal.getMessage()).contains(returned.name(), requested.name());
    }

    private static void classRef(Assertion assertion, String uri) {
        assertion.getAuthnStatements().get(0).getAuthnContext().getAuthnContextClassRef().setURI(uri);
    }

    private static Response assertionEdited(Consumer<Assertion> edit) {
        return response().editAssertion(edit).received();
    }
}
