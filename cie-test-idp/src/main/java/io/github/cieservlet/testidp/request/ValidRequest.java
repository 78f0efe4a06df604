package io.github.cieservlet.testidp.request;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import java.util.Objects;

/**
 * An AuthnRequest that passed every check, with what the IdP needs to answer it.
 *
 * @param replyTo where the Response goes
 * @param requestedLevel the level in RequestedAuthnContext
 * @param comparison the Comparison of RequestedAuthnContext
 */
public record ValidRequest(ReplyTo replyTo, CieLevel requestedLevel, LevelComparison comparison) {

    /** Checks the fields. */
    public ValidRequest {
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(requestedLevel, "requestedLevel");
        Objects.requireNonNull(comparison, "comparison");
    }
}
