package io.github.cieservlet.testidp.request;

import io.github.cieservlet.CieLevel;
import java.util.List;
import java.util.Objects;

/**
 * An AuthnRequest that passed every check, with what the IdP needs to answer it.
 *
 * @param replyTo where the Response goes
 * @param requestedLevel the level in RequestedAuthnContext
 * @param comparison the Comparison of RequestedAuthnContext
 * @param attributeConsumingServiceIndex the AttributeConsumingServiceIndex, or null when the request has none
 * @param requestedAttributes the Names of the attributes that AttributeConsumingService asks for (empty if none)
 */
public record ValidRequest(ReplyTo replyTo, CieLevel requestedLevel, Comparison comparison,
        Integer attributeConsumingServiceIndex, List<String> requestedAttributes) {

    /** Checks the fields and copies the list. */
    public ValidRequest {
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(requestedLevel, "requestedLevel");
        Objects.requireNonNull(comparison, "comparison");
        requestedAttributes = List.copyOf(requestedAttributes);
    }

}
