package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.NOW;
import static io.github.cieservlet.saml.validation.TestResponses.REQUEST_INSTANT;
import static io.github.cieservlet.saml.validation.TestResponses.SKEW;
import static io.github.cieservlet.saml.validation.TestResponses.confirmationData;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static io.github.cieservlet.saml.validation.TestResponses.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.store.PendingRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Response;

/**
 * The time rules at their boundaries, with the clock fixed at {@link TestResponses#NOW} and a skew of
 * {@link TestResponses#SKEW}: each instant exactly on the limit, and one millisecond beyond it.
 */
class TimeWindowTest {

    private static final Duration ONE_MS = Duration.ofMillis(1);
    private static final Instant LATEST_ISSUE_INSTANT = NOW.plus(SKEW);
    private static final Instant EARLIEST_ISSUE_INSTANT = REQUEST_INSTANT.minus(SKEW);
    private static final Instant EARLIEST_VALID_NOT_ON_OR_AFTER = NOW.minus(SKEW).plus(ONE_MS);

    @Test
    void responseIssueInstant_nowPlusSkew_isAccepted() throws CieAuthenticationException {
        assertThat(validate(responseIssuedAt(LATEST_ISSUE_INSTANT)).responseId()).isNotNull();
    }

    @Test
    void case15_responseIssueInstant_justAfterNowPlusSkew_isRefused() {
        assertThat(errorOf(responseIssuedAt(LATEST_ISSUE_INSTANT.plus(ONE_MS)))).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void responseIssueInstant_requestInstantMinusSkew_isAccepted() throws CieAuthenticationException {
        assertThat(validate(responseIssuedAt(EARLIEST_ISSUE_INSTANT)).responseId()).isNotNull();
    }

    @Test
    void case14_responseIssueInstant_justBeforeRequestInstantMinusSkew_isRefused() {
        assertThat(errorOf(responseIssuedAt(EARLIEST_ISSUE_INSTANT.minus(ONE_MS)))).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void assertionIssueInstant_nowPlusSkew_isAccepted() throws CieAuthenticationException {
        assertThat(validate(assertionIssuedAt(LATEST_ISSUE_INSTANT)).assertionId()).isNotNull();
    }

    @Test
    void case40_assertionIssueInstant_justAfterNowPlusSkew_isRefused() {
        assertThat(errorOf(assertionIssuedAt(LATEST_ISSUE_INSTANT.plus(ONE_MS)))).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void assertionIssueInstant_requestInstantMinusSkew_isAccepted() throws CieAuthenticationException {
        assertThat(validate(assertionIssuedAt(EARLIEST_ISSUE_INSTANT)).assertionId()).isNotNull();
    }

    @Test
    void case39_assertionIssueInstant_justBeforeRequestInstantMinusSkew_isRefused() {
        assertThat(errorOf(assertionIssuedAt(EARLIEST_ISSUE_INSTANT.minus(ONE_MS)))).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void conditionsNotBefore_nowPlusSkew_isAccepted() throws CieAuthenticationException {
        Response response = response().editAssertion(assertion -> assertion.getConditions().setNotBefore(NOW.plus(SKEW))).received();

        assertThat(validate(response).assertionId()).isNotNull();
    }

    @Test
    void case78_conditionsNotBefore_justAfterNowPlusSkew_isRefused() {
        Response response = response()
                .editAssertion(assertion -> assertion.getConditions().setNotBefore(NOW.plus(SKEW).plus(ONE_MS))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void conditionsNotOnOrAfter_justAfterNowMinusSkew_isAccepted() throws CieAuthenticationException {
        Response response = response()
                .editAssertion(assertion -> assertion.getConditions().setNotOnOrAfter(EARLIEST_VALID_NOT_ON_OR_AFTER)).received();

        assertThat(validate(response).assertionExpiry()).isEqualTo(EARLIEST_VALID_NOT_ON_OR_AFTER);
    }

    @Test
    void case82_conditionsNotOnOrAfter_nowMinusSkew_isRefused() {
        Response response = response()
                .editAssertion(assertion -> assertion.getConditions().setNotOnOrAfter(NOW.minus(SKEW))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void confirmationNotOnOrAfter_justAfterNowMinusSkew_isAccepted() throws CieAuthenticationException {
        Response response = response().editAssertion(assertion -> confirmationData(assertion)
                .setNotOnOrAfter(EARLIEST_VALID_NOT_ON_OR_AFTER)).received();

        assertThat(validate(response).assertionExpiry()).isEqualTo(EARLIEST_VALID_NOT_ON_OR_AFTER);
    }

    @Test
    void case66_confirmationNotOnOrAfter_nowMinusSkew_isRefused() {
        Response response = response()
                .editAssertion(assertion -> confirmationData(assertion).setNotOnOrAfter(NOW.minus(SKEW))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_CONDITIONS);
    }

    @Test
    void pendingRequest_expiringNow_isStillAnswerable() throws CieAuthenticationException {
        PendingRequest pending = new PendingRequest(TestResponses.REQUEST_ID, REQUEST_INSTANT, CieLevel.L3,
                LevelComparison.MINIMUM, "/", "https://idp.example/sso", RequestBinding.POST, NOW);

        assertThat(TestResponses.validator().validate(response().received(), pending, TestResponses.idp()).responseId()).isNotNull();
    }

    private static Response responseIssuedAt(Instant issueInstant) {
        return response().edit(response -> response.setIssueInstant(issueInstant)).received();
    }

    private static Response assertionIssuedAt(Instant issueInstant) {
        return response().editAssertion(assertion -> assertion.setIssueInstant(issueInstant)).received();
    }
}
