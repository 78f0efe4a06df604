package io.github.cieservlet.testidp.request;

import io.github.cieservlet.testidp.idp.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * An AuthnRequest failed a check. The code says what the IdP does: show its error page, or, when
 * {@link #replyTo()} is present, answer the service provider with an error Response.
 */
public final class RequestRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient ReplyTo replyTo;

    /**
     * @param code the CIE error code
     * @param detail what exactly is wrong, for the developer
     * @param replyTo where the error Response goes; required exactly when the code is returned to the SP
     */
    RequestRefusedException(ErrorCode code, String detail, ReplyTo replyTo) {
        super(Objects.requireNonNull(detail, "detail"));
        this.code = Objects.requireNonNull(code, "code");
        if (code.returnedToServiceProvider() != (replyTo != null)) {
            throw new IllegalArgumentException(code.label() + " and reply " + replyTo + " do not match");
        }
        this.replyTo = replyTo;
    }

    /** @return the CIE error code */
    public ErrorCode code() {
        return code;
    }

    /** @return where the error Response goes, when the code is returned to the service provider */
    public Optional<ReplyTo> replyTo() {
        return Optional.ofNullable(replyTo);
    }
}
