package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.store.PendingRequest;
import java.time.Instant;
import org.opensaml.saml.common.SAMLVersion;

/**
 * The attributes every Response and Assertion carries (saml-check cases 8-15 and 33-40):
 * <ul>
 * <li>{@code ID} present and not blank ({@link BlankText}: white space alone, Unicode spaces included, is blank),
 * {@code Version} exactly 2.0 ({@link CieError#INVALID_MESSAGE_ATTRIBUTES});</li>
 * <li>{@code IssueInstant} present, not earlier than the AuthnRequest's IssueInstant minus the skew (the
 * answer cannot precede the question) and not later than now plus the skew
 * ({@link CieError#INVALID_ISSUE_INSTANT}).</li>
 * </ul>
 * A malformed IssueInstant or Version never gets here: the XML cannot be unmarshalled.
 */
final class MessageAttributesCheck {

    /**
     * @param what {@code "Response"} or {@code "Assertion"}, for the refusal detail
     * @param id the ID attribute
     * @param version the Version attribute
     * @param issueInstant the IssueInstant attribute
     * @param pending the AuthnRequest this message answers
     * @param window now and the skew
     * @throws CieAuthenticationException when an attribute is missing or wrong
     */
    void check(String what, String id, SAMLVersion version, Instant issueInstant, PendingRequest pending,
            TimeWindow window) throws CieAuthenticationException {
        if (BlankText.isBlank(id)) {
            throw new CieAuthenticationException(CieError.INVALID_MESSAGE_ATTRIBUTES, what + " ID is missing or empty");
        }
        if (!SAMLVersion.VERSION_20.equals(version)) {
            throw new CieAuthenticationException(CieError.INVALID_MESSAGE_ATTRIBUTES,
                    what + " Version is " + Detail.quote(version) + ", expected '2.0'");
        }
        if (issueInstant == null) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUE_INSTANT, what + " IssueInstant is missing");
        }
        if (!window.isNotBefore(issueInstant, pending.issueInstant())) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUE_INSTANT, what + " IssueInstant " + issueInstant
                    + " is before the AuthnRequest IssueInstant " + pending.issueInstant() + " minus skew " + window.skew());
        }
        if (!window.isNotInFuture(issueInstant)) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUE_INSTANT, what + " IssueInstant " + issueInstant
                    + " is in the future: now is " + window.now() + ", skew " + window.skew());
        }
    }
}
