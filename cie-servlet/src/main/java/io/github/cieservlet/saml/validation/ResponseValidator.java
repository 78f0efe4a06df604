package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.store.ReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Response;

/**
 * Validates the SAML Response the CIE identity provider posted to the Assertion Consumer Service, following
 * the CIE/SPID Response profile (the checks the SPID/CIE validators number 1-113), and extracts the citizen's
 * identity. Thread-safe; one instance serves every request.
 *
 * <p>The checks run in this order; the first that fails ends the validation with a
 * {@link CieAuthenticationException} carrying its {@link io.github.cieservlet.CieError} and a technical detail
 * free of personal data.
 * <ol>
 * <li><b>Shape</b> ({@link AssertionCountCheck}): no EncryptedAssertion, at most one Assertion.</li>
 * <li><b>Signatures</b> ({@link SignatureCheck}), before anything is read: the Response signature, whenever
 * present (CIE signs it); then the Assertion signature, always required when there is an Assertion. Both are
 * verified against the identity provider's metadata certificates only, and must cover exactly their own
 * element. From here on identity data is read only from the verified Assertion.</li>
 * <li><b>Time values</b> ({@link TimeFormatCheck}): every IssueInstant, NotBefore, NotOnOrAfter, AuthnInstant and
 * SessionNotOnOrAfter is a full xs:dateTime with a time zone, as received (OpenSAML would read a bare date).</li>
 * <li><b>Response</b>: ID, Version and IssueInstant ({@link MessageAttributesCheck}); Issuer
 * ({@link IssuerCheck}); InResponseTo equal to the pending request, which must not have expired
 * ({@link InResponseToCheck}); Destination equal to the ACS URL ({@link DestinationCheck}).</li>
 * <li><b>Status</b> ({@link StatusCheck}): a non-Success status becomes the matching {@code IDP_*} error. So an
 * error Response is only reported as the identity provider's answer when it passed steps 1-3: if signed, its
 * signature verified; in any case it answers this browser's pending request and is addressed to this ACS.
 * An unsigned error Response is accepted as such, since it grants nothing. A Success must carry an Assertion.</li>
 * <li><b>Assertion</b>: ID, Version, IssueInstant; Issuer; Subject with NameID and bearer SubjectConfirmation
 * ({@link SubjectCheck}); Conditions time window ({@link ConditionsCheck}); Audience ({@link AudienceCheck});
 * AuthnStatement and level ({@link AuthnContextCheck}); the four attributes ({@link AttributesCheck}).</li>
 * <li><b>Replay</b> ({@link ReplayCheck}), last: the Response and Assertion IDs must not have been used before;
 * they are remembered until the later of the two NotOnOrAfter instants plus the clock skew.</li>
 * </ol>
 *
 * <p>Time rules use one instant read from the clock at the start, with the clock skew in favour of the
 * identity provider: IssueInstant not before the AuthnRequest's minus the skew and not after now plus the
 * skew; NotBefore not after now plus the skew; NotOnOrAfter after now minus the skew.
 */
public final class ResponseValidator {

    private static final Log LOG = Log.of(ResponseValidator.class);

    private final Clock clock;
    private final Duration clockSkew;
    private final AssertionCountCheck assertionCount = new AssertionCountCheck();
    private final SignatureCheck signatures = new SignatureCheck();
    private final TimeFormatCheck timeFormats = new TimeFormatCheck();
    private final MessageAttributesCheck messageAttributes = new MessageAttributesCheck();
    private final IssuerCheck issuer = new IssuerCheck();
    private final InResponseToCheck inResponseTo = new InResponseToCheck();
    private final DestinationCheck destination;
    private final StatusCheck status = new StatusCheck();
    private final SubjectCheck subject;
    private final ConditionsCheck conditions = new ConditionsCheck();
    private final AudienceCheck audience;
    private final AuthnContextCheck authnContext = new AuthnContextCheck();
    private final ReplayCheck replay;
    private final IdentityMapper identityMapper = new IdentityMapper();

    /**
     * @param spEntityId this service provider's entity ID, the expected Audience
     * @param acsUrl the URL of this service provider's Assertion Consumer Service, the expected Destination
     *        and Recipient
     * @param clockSkew the tolerated clock difference with the identity provider, not negative
     * @param clock the clock that says what "now" is
     * @param replayCache where used Response and Assertion IDs are remembered
     */
    public ResponseValidator(String spEntityId, String acsUrl, Duration clockSkew, Clock clock, ReplayCache replayCache) {
        Objects.requireNonNull(spEntityId, "spEntityId");
        Objects.requireNonNull(acsUrl, "acsUrl");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must not be negative: " + clockSkew);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.destination = new DestinationCheck(acsUrl);
        this.subject = new SubjectCheck(destination, inResponseTo);
        this.audience = new AudienceCheck(spEntityId);
        this.replay = new ReplayCheck(Objects.requireNonNull(replayCache, "replayCache"));
    }

    /**
     * Validates a Response and returns the identity it asserts.
     *
     * @param response an OpenSAML Response unmarshalled from the DOM of the bytes as received; its DOM must
     *        still be attached, so that signatures are verified over what was received
     * @param pending the AuthnRequest this browser is waiting for
     * @param idp the identity provider metadata: its entity ID and the only certificates trusted
     * @return the validated Response, with the citizen's identity
     * @throws CieAuthenticationException when a check fails, including when the identity provider answered with
     *         an error status (then the error is one of the {@code IDP_*} values)
     * @throws IllegalArgumentException when the Response has no DOM
     */
    public ValidatedResponse validate(Response response, PendingRequest pending, IdpMetadata idp)
            throws CieAuthenticationException {
        return validate(response, pending, idp, CieResponseProfile.INSTANCE);
    }

    /**
     * Validates a Response with the checks of a profile (SPID and eIDAS differ from CIE in a few rules) and
     * returns the identity it asserts.
     *
     * @param response an OpenSAML Response unmarshalled from the DOM of the bytes as received
     * @param pending the AuthnRequest this browser is waiting for
     * @param idp the metadata of the identity provider the AuthnRequest went to: the only certificates trusted
     * @param profile what differs in the scheme's profile
     * @return the validated Response, with the citizen's identity
     * @throws CieAuthenticationException when a check fails, including an error status
     */
    public ValidatedResponse validate(Response response, PendingRequest pending, IdpMetadata idp, ResponseProfile profile)
            throws CieAuthenticationException {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(idp, "idp");
        if (response.getDOM() == null) {
            throw new IllegalArgumentException("the Response has no DOM: pass the object unmarshalled from the received XML");
        }
        TimeWindow window = new TimeWindow(clock.instant(), clockSkew);

        Assertion assertion = assertionCount.check(response);
        DocumentIds ids = DocumentIds.of(response.getDOM().getOwnerDocument());
        if (signatures.isSigned(response, "Response")) {
            signatures.verify(response, "Response", idp, ids);
        }
        if (assertion != null) {
            signatures.verify(assertion, "Assertion", idp, ids);
        }
        timeFormats.check(response.getDOM());

        messageAttributes.check("Response", response.getID(), response.getVersion(), response.getIssueInstant(), pending, window);
        issuer.check(response.getIssuer(), "Response", idp, false);
        inResponseTo.check(response.getInResponseTo(), "Response", pending);
        inResponseTo.checkNotExpired(pending, window);
        destination.check(response.getDestination(), "Response Destination");

        status.check(response, assertion != null, profile);
        // from here on the status is Success, so there is an Assertion, and its signature was verified above

        messageAttributes.check("Assertion", assertion.getID(), assertion.getVersion(), assertion.getIssueInstant(), pending, window);
        issuer.check(assertion.getIssuer(), "Assertion", idp, profile.assertionIssuerFormatRequired());
        Instant confirmationExpiry = subject.check(assertion, pending, window);
        Conditions validConditions = conditions.check(assertion, window);
        audience.check(validConditions);
        CieLevel level = authnContext.check(assertion, pending);
        CieIdentity.Builder citizen = profile.identity(assertion, pending.attributeConsumingServiceIndex());

        Instant conditionsExpiry = validConditions.getNotOnOrAfter();
        Instant lastExpiry = conditionsExpiry.isAfter(confirmationExpiry) ? conditionsExpiry : confirmationExpiry;
        replay.check(response.getID(), assertion.getID(), lastExpiry.plus(clockSkew));

        CieIdentity identity = identityMapper.map(assertion, level, citizen, idp);
        Instant firstExpiry = conditionsExpiry.isBefore(confirmationExpiry) ? conditionsExpiry : confirmationExpiry;
        LOG.debug("CIE Response {} with Assertion {} accepted, level {}", Detail.quote(response.getID()),
                Detail.quote(assertion.getID()), level);
        return new ValidatedResponse(identity, response.getID(), assertion.getID(), firstExpiry);
    }
}
