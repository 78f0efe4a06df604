package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link InResponseToCheck} alone: the value must be the pending request's ID, character for character. */
class InResponseToCheckTest {

    private final InResponseToCheck check = new InResponseToCheck();

    @Test
    void thePendingRequestId_isAccepted() {
        assertThatCode(() -> check.check(REQUEST_ID, "Response", TestResponses.pending())).doesNotThrowAnyException();
    }

    /** IDs are case-sensitive (xs:ID): another case is another request, not a typo to forgive. */
    @Test
    void theIdInAnotherCase_isRefused() {
        for (String changed : List.of(REQUEST_ID.toUpperCase(Locale.ROOT), REQUEST_ID.replaceFirst("d", "D"))) {
            assertThat(changed).isNotEqualTo(REQUEST_ID).isEqualToIgnoringCase(REQUEST_ID);

            CieAuthenticationException refusal = refusal(changed);

            assertThat(refusal.error()).isEqualTo(CieError.UNKNOWN_REQUEST);
            assertThat(refusal.getMessage()).contains("expected the pending request ID");
        }
    }

    /** Leading or trailing white space is not trimmed away. */
    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {" ", "\t", "\n"})
    void theIdWithWhiteSpaceAround_isRefused(String space) {
        assertThat(refusal(space + REQUEST_ID).error()).isEqualTo(CieError.UNKNOWN_REQUEST);
        assertThat(refusal(REQUEST_ID + space).error()).isEqualTo(CieError.UNKNOWN_REQUEST);
    }

    @Test
    void missingOrEmpty_isRefused() {
        assertThat(refusal(null).getMessage()).isEqualTo("Response InResponseTo is missing or empty");
        assertThat(refusal("").getMessage()).isEqualTo("Response InResponseTo is missing or empty");
    }

    private CieAuthenticationException refusal(String inResponseTo) {
        CieAuthenticationException refusal = catchThrowableOfType(CieAuthenticationException.class,
                () -> check.check(inResponseTo, "Response", TestResponses.pending()));
        assertThat(refusal).as("refusal of %s", inResponseTo).isNotNull();
        return refusal;
    }
}
