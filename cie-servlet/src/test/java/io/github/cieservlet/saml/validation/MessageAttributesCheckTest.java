package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.ISSUE_INSTANT;
import static io.github.cieservlet.saml.validation.TestResponses.NOW;
import static io.github.cieservlet.saml.validation.TestResponses.SKEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.saml.common.SAMLVersion;

/** {@link MessageAttributesCheck} alone, on the ID: present and not blank. */
class MessageAttributesCheckTest {

    private final MessageAttributesCheck check = new MessageAttributesCheck();

    /**
     * White space alone is no ID: ASCII (which {@code trim()} removes) and the Unicode spaces {@code trim()}
     * keeps (no-break, em, ideographic).
     */
    @ParameterizedTest(name = "ID ''{0}''")
    @ValueSource(strings = {"", " ", " \t\r\n ", "\u00a0", "\u2003", "\u3000", " \u202f "})
    void blankId_isRefused(String id) {
        CieAuthenticationException refusal = catchThrowableOfType(CieAuthenticationException.class, () -> check(id));

        assertThat(refusal).isNotNull();
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_MESSAGE_ATTRIBUTES);
        assertThat(refusal.getMessage()).isEqualTo("Assertion ID is missing or empty");
    }

    @ParameterizedTest(name = "ID ''{0}''")
    @ValueSource(strings = {"_a", "_1f2e3d4c5b6a49788695a4b3c2d1e0f9", "x"})
    void realId_isAccepted(String id) {
        assertThatCode(() -> check(id)).doesNotThrowAnyException();
    }

    private void check(String id) throws CieAuthenticationException {
        check.check("Assertion", id, SAMLVersion.VERSION_20, ISSUE_INSTANT, TestResponses.pending(), new TimeWindow(NOW, SKEW));
    }
}
