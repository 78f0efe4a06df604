package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.SP_ENTITY_ID;
import static io.github.cieservlet.saml.validation.TestResponses.audience;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static io.github.cieservlet.saml.validation.TestResponses.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Response;
import org.w3c.dom.Element;

/** Conditions: validity period and audience (saml-check cases 73-87). */
class ConditionsTest {

    @Test
    void case73_conditionsEmpty_isRefused() {
        Response response = assertionEdited(assertion -> assertion.setConditions(TestResponses.build(Conditions.DEFAULT_ELEMENT_NAME)));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void case74_conditionsMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> assertion.setConditions(null)))).isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void case76_notBeforeMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> assertion.getConditions().setNotBefore(null))))
                .isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void case78_notBeforeInTheFuture_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getConditions().setNotBefore(TestResponses.NOW.plusSeconds(3600)));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void case80_notOnOrAfterMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> assertion.getConditions().setNotOnOrAfter(null))))
                .isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void case82_notOnOrAfterPassed_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getConditions().setNotOnOrAfter(TestResponses.NOW.minusSeconds(3600)));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void case83_audienceRestrictionMissing_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getConditions().getAudienceRestrictions().clear());

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUDIENCE);
    }

    @Test
    void case85_audienceEmpty_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> audience(assertion).setURI(null)))).isEqualTo(CieError.INVALID_AUDIENCE);
    }

    @Test
    void case86_audienceMissing_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getConditions().getAudienceRestrictions().get(0)
                .getAudiences().clear());

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUDIENCE);
    }

    @Test
    void case87_audienceAnotherServiceProvider_isRefused() {
        Response response = assertionEdited(assertion -> audience(assertion).setURI("https://other.example.it/cie"));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUDIENCE);
    }

    /**
     * The entity ID is compared exactly (after trimming the white space around it): another case is another
     * service provider. The detail lists every Audience of the restriction.
     */
    @Test
    void audienceInAnotherCase_isRefused_andTheDetailListsEveryAudience() {
        String upper = SP_ENTITY_ID.toUpperCase(Locale.ROOT);
        Response response = assertionEdited(assertion -> {
            audience(assertion).setURI(upper);
            Audience other = TestResponses.build(Audience.DEFAULT_ELEMENT_NAME);
            other.setURI(SP_ENTITY_ID + "/");
            assertion.getConditions().getAudienceRestrictions().get(0).getAudiences().add(other);
        });

        CieAuthenticationException refusal = TestResponses.refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_AUDIENCE);
        assertThat(refusal.getMessage()).isEqualTo("AudienceRestriction names '" + upper + "', '" + SP_ENTITY_ID
                + "/', not this service provider '" + SP_ENTITY_ID + "'");
    }

    @Test
    void audienceAmongOthersInOneRestriction_isAccepted() throws CieAuthenticationException {
        Response response = assertionEdited(assertion -> {
            Audience other = TestResponses.build(Audience.DEFAULT_ELEMENT_NAME);
            other.setURI("https://other.example.it/cie");
            assertion.getConditions().getAudienceRestrictions().get(0).getAudiences().add(0, other);
        });

        assertThat(validate(response).assertionId()).isEqualTo(TestResponses.ASSERTION_ID);
    }

    @Test
    void secondRestrictionNotNamingThisServiceProvider_isRefused() {
        Response response = assertionEdited(assertion -> {
            Audience other = TestResponses.build(Audience.DEFAULT_ELEMENT_NAME);
            other.setURI("https://other.example.it/cie");
            AudienceRestriction restriction = TestResponses.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
            restriction.getAudiences().add(other);
            assertion.getConditions().getAudienceRestrictions().add(restriction);
        });

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_AUDIENCE);
    }

    @Test
    void audienceWrappedInWhiteSpace_isAccepted() throws CieAuthenticationException {
        Response response = response().editXmlBeforeSigning(document -> {
            Element conditions = TestResponses.child(TestResponses.assertionElement(document), SAMLConstants.SAML20_NS,
                    Conditions.DEFAULT_ELEMENT_LOCAL_NAME);
            Element restriction = TestResponses.child(conditions, SAMLConstants.SAML20_NS,
                    AudienceRestriction.DEFAULT_ELEMENT_LOCAL_NAME);
            TestResponses.child(restriction, SAMLConstants.SAML20_NS, Audience.DEFAULT_ELEMENT_LOCAL_NAME)
                    .setTextContent("\n  " + SP_ENTITY_ID + "\n");
        }).received();

        assertThat(validate(response).assertionId()).isEqualTo(TestResponses.ASSERTION_ID);
    }

    private static Response assertionEdited(Consumer<Assertion> edit) {
        return response().editAssertion(edit).received();
    }
}
