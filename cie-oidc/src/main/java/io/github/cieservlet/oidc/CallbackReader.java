package io.github.cieservlet.oidc;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads the authorization response at the redirect URI: {@code state} must be the pending login's, {@code iss} (which
 * CIE requires, against mix-up) the OP's, then either an {@code error} (mapped to the same codes as the SAML side) or
 * a {@code code}. Each parameter may appear once.
 */
public final class CallbackReader {

    private final Duration loginTimeout;

    /** @param loginTimeout how long a started login may take */
    public CallbackReader(Duration loginTimeout) {
        this.loginTimeout = loginTimeout;
    }

    /**
     * @param parameters the callback's query parameters
     * @param pending the login this browser started
     * @param now the current time
     * @return the authorization code
     * @throws CieAuthenticationException naming the refused check
     */
    public String read(Map<String, List<String>> parameters, PendingOidcLogin pending, Instant now)
            throws CieAuthenticationException {
        String state = single(parameters, "state");
        if (state == null || !constantTimeEquals(state, pending.state())) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST,
                    "the callback's state is not the one of the login this browser started");
        }
        if (now.isAfter(pending.startedAt().plus(loginTimeout))) {
            throw new CieAuthenticationException(CieError.REQUEST_EXPIRED,
                    "the login started at " + pending.startedAt() + ", longer ago than " + loginTimeout);
        }
        String issuer = single(parameters, "iss");
        String error = single(parameters, "error");
        if (issuer == null ? error == null : !issuer.equals(pending.providerEntityId().toString())) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUER, "the callback's iss is " + issuer
                    + ", expected " + pending.providerEntityId());
        }
        if (error != null) {
            throw new CieAuthenticationException(errorOf(error), "the OpenID Provider answered error=" + error
                    + " (" + Detail.of(single(parameters, "error_description")) + ")");
        }
        String code = single(parameters, "code");
        if (code == null || code.isEmpty()) {
            throw new CieAuthenticationException(CieError.MISSING_RESPONSE, "the callback carries no code");
        }
        return code;
    }

    private static String single(Map<String, List<String>> parameters, String name) throws CieAuthenticationException {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new CieAuthenticationException(CieError.MALFORMED_RESPONSE, "the callback repeats " + name);
        }
        return values.get(0);
    }

    /**
     * The error codes of the profile's authorization endpoint, on the codes of the SAML side.
     *
     * @param error the {@code error} value
     * @return the stable error
     */
    static CieError errorOf(String error) {
        switch (error) {
            case "access_denied":
            case "login_required":
            case "server_error":
            case "temporarily_unavailable":
                return CieError.IDP_AUTHENTICATION_FAILED;
            case "consent_required":
                return CieError.IDP_CONSENT_DENIED;
            default:
                return CieError.IDP_REQUEST_REJECTED;
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Shortens text from the network for the log line. */
    static final class Detail {
        private Detail() {
        }

        static String of(String text) {
            if (text == null) {
                return "no description";
            }
            String clean = text.replaceAll("[\\p{Cntrl}]", "?");
            return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
        }
    }
}
