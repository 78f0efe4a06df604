package io.github.cieservlet.oidc;

import static io.github.cieservlet.oidc.OidcLoginFlowTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorization response: state, iss, error codes and single parameters, each refused alone. */
class CallbackReaderTest {

    private static final URI OP = URI.create("https://op.example.it");
    private final Instant now = Instant.now();
    private final PendingOidcLogin pending = new PendingOidcLogin("S".repeat(43), "N".repeat(43), "V".repeat(43),
            CieLevel.L2, OP, now.minusSeconds(10));
    private final CallbackReader reader = new CallbackReader(Duration.ofMinutes(15));

    private Map<String, List<String>> good() {
        Map<String, List<String>> params = new HashMap<>();
        params.put("code", List.of("the-code"));
        params.put("state", List.of(pending.state()));
        params.put("iss", List.of(OP.toString()));
        return params;
    }

    @Test
    void aGoodCallbackGivesTheCode() throws Exception {
        assertThat(reader.read(good(), pending, now)).isEqualTo("the-code");
    }

    @Test
    void stateMustBeTheLoginsOwn() {
        Map<String, List<String>> params = good();
        params.put("state", List.of("T".repeat(43)));
        assertRefused(() -> reader.read(params, pending, now), CieError.UNKNOWN_REQUEST);
        params.remove("state");
        assertRefused(() -> reader.read(params, pending, now), CieError.UNKNOWN_REQUEST);
    }

    @Test
    void aRepeatedParameterIsRefused() {
        Map<String, List<String>> params = good();
        params.put("code", List.of("a", "b"));
        assertRefused(() -> reader.read(params, pending, now), CieError.MALFORMED_RESPONSE);
    }

    @Test
    void issIsRequiredOnSuccessAndMustMatchOnErrors() {
        Map<String, List<String>> params = good();
        params.remove("iss");
        assertRefused(() -> reader.read(params, pending, now), CieError.INVALID_ISSUER);

        Map<String, List<String>> error = new HashMap<>(Map.of("state", List.of(pending.state()),
                "error", List.of("access_denied"), "iss", List.of("https://evil.example.org")));
        assertRefused(() -> reader.read(error, pending, now), CieError.INVALID_ISSUER);
        error.remove("iss");
        assertRefused(() -> reader.read(error, pending, now), CieError.IDP_AUTHENTICATION_FAILED);
    }

    @Test
    void aMissingCodeIsRefused() {
        Map<String, List<String>> params = good();
        params.remove("code");
        assertRefused(() -> reader.read(params, pending, now), CieError.MISSING_RESPONSE);
    }

    @Test
    void aLateCallbackIsRefused() {
        assertRefused(() -> reader.read(good(), pending, now.plus(Duration.ofMinutes(16))), CieError.REQUEST_EXPIRED);
    }

    @Test
    void unknownErrorCodesAreRequestRejections() {
        assertThat(CallbackReader.errorOf("invalid_scope")).isEqualTo(CieError.IDP_REQUEST_REJECTED);
        assertThat(CallbackReader.errorOf("something_new")).isEqualTo(CieError.IDP_REQUEST_REJECTED);
        assertThat(CallbackReader.errorOf("consent_required")).isEqualTo(CieError.IDP_CONSENT_DENIED);
    }
}
