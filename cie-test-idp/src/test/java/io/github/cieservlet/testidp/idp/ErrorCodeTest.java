package io.github.cieservlet.testidp.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.StatusCode;

class ErrorCodeTest {

    @Test
    void onlyCodes2To7And10AreShownByTheIdp() {
        Set<ErrorCode> shown = EnumSet.allOf(ErrorCode.class).stream()
                .filter(code -> !code.returnedToServiceProvider()).collect(Collectors.toSet());
        assertThat(shown).containsExactlyInAnyOrder(ErrorCode.NR02, ErrorCode.NR03, ErrorCode.NR04, ErrorCode.NR05,
                ErrorCode.NR06, ErrorCode.NR07, ErrorCode.NR10);
        assertThat(shown).allSatisfy(code -> assertThat(code.httpStatus()).isBetween(400, 599));
    }

    @Test
    void labelsAndStatusesFollowTheCieTable() {
        assertThat(ErrorCode.NR08.statusMessage()).isEqualTo("ErrorCode nr08");
        assertThat(ErrorCode.NR22.statusMessage()).isEqualTo("ErrorCode nr22");
        assertThat(ErrorCode.NR14.statusCode()).isEqualTo(StatusCode.REQUESTER);
        assertThat(ErrorCode.NR14.subStatusCode()).contains(StatusCode.REQUEST_UNSUPPORTED);
        assertThat(ErrorCode.NR12.subStatusCode()).contains(StatusCode.NO_AUTHN_CONTEXT);
        assertThat(ErrorCode.NR15.subStatusCode()).contains(StatusCode.NO_PASSIVE);
        for (ErrorCode code : new ErrorCode[] {ErrorCode.NR21, ErrorCode.NR22, ErrorCode.NR23, ErrorCode.NR25}) {
            assertThat(code.statusCode()).isEqualTo(StatusCode.RESPONDER);
            assertThat(code.subStatusCode()).contains(StatusCode.AUTHN_FAILED);
        }
    }
}
