package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.store.PendingRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/**
 * The {@code Subject} of the Assertion (saml-check cases 41-66).
 * <ul>
 * <li>{@code Subject} and a plain {@code NameID} present; its text (one text node, see {@link DomText}) not
 * blank; {@code Format} exactly transient; {@code NameQualifier} not blank ({@link BlankText})
 * ({@link CieError#INVALID_SUBJECT}).</li>
 * <li>Exactly one {@code SubjectConfirmation}, with {@code Method} bearer and a
 * {@code SubjectConfirmationData} ({@link CieError#INVALID_SUBJECT}) whose
 * {@code Recipient} is the ACS URL ({@link DestinationCheck}, {@link CieError#INVALID_DESTINATION}) and whose
 * {@code InResponseTo} is the pending request ({@link InResponseToCheck}, {@link CieError#UNKNOWN_REQUEST}).</li>
 * <li>Its {@code NotOnOrAfter} must be present ({@link CieError#INVALID_SUBJECT}, a structural fault) and later
 * than now minus the skew; an optional {@code NotBefore} must not be later than now plus the skew. A time
 * that makes the confirmation not valid now is {@link CieError#INVALID_CONDITIONS}, like every other "not valid
 * now" of the Assertion.</li>
 * </ul>
 */
final class SubjectCheck {

    private final DestinationCheck destination;
    private final InResponseToCheck inResponseTo;

    /**
     * @param destination the check of the Recipient
     * @param inResponseTo the check of the InResponseTo
     */
    SubjectCheck(DestinationCheck destination, InResponseToCheck inResponseTo) {
        this.destination = Objects.requireNonNull(destination, "destination");
        this.inResponseTo = Objects.requireNonNull(inResponseTo, "inResponseTo");
    }

    /**
     * @param assertion the signature-verified Assertion
     * @param pending the AuthnRequest it answers
     * @param window now and the skew
     * @return the {@code NotOnOrAfter} of the bearer SubjectConfirmationData
     * @throws CieAuthenticationException when the Subject is not as the profile says
     */
    Instant check(Assertion assertion, PendingRequest pending, TimeWindow window) throws CieAuthenticationException {
        Subject subject = assertion.getSubject();
        if (subject == null) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "Assertion Subject is missing");
        }
        checkNameId(subject.getNameID());
        SubjectConfirmationData data = bearerConfirmationData(subject.getSubjectConfirmations());
        destination.check(data.getRecipient(), "SubjectConfirmationData Recipient");
        inResponseTo.check(data.getInResponseTo(), "SubjectConfirmationData", pending);
        Instant notOnOrAfter = data.getNotOnOrAfter();
        if (notOnOrAfter == null) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "SubjectConfirmationData NotOnOrAfter is missing");
        }
        if (!window.isNotExpired(notOnOrAfter)) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "SubjectConfirmationData NotOnOrAfter "
                    + notOnOrAfter + " has passed: now is " + window.now() + ", skew " + window.skew());
        }
        if (data.getNotBefore() != null && !window.isNotInFuture(data.getNotBefore())) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "SubjectConfirmationData NotBefore "
                    + data.getNotBefore() + " is in the future: now is " + window.now() + ", skew " + window.skew());
        }
        return notOnOrAfter;
    }

    private static void checkNameId(NameID nameId) throws CieAuthenticationException {
        if (nameId == null) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "Subject NameID is missing");
        }
        if (BlankText.isBlank(DomText.of(nameId, CieError.INVALID_SUBJECT, "NameID"))) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "NameID is empty");
        }
        if (!NameIDType.TRANSIENT.equals(nameId.getFormat())) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT,
                    "NameID Format is " + Detail.quote(nameId.getFormat()) + ", expected " + Detail.quote(NameIDType.TRANSIENT));
        }
        String qualifier = nameId.getNameQualifier();
        if (BlankText.isBlank(qualifier)) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "NameID NameQualifier is missing or empty");
        }
    }

    private static SubjectConfirmationData bearerConfirmationData(List<SubjectConfirmation> confirmations)
            throws CieAuthenticationException {
        if (confirmations.size() != 1) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT,
                    "Subject has " + confirmations.size() + " SubjectConfirmations, expected exactly one bearer");
        }
        SubjectConfirmation confirmation = confirmations.get(0);
        if (!SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "SubjectConfirmation Method is "
                    + Detail.quote(confirmation.getMethod()) + ", expected " + Detail.quote(SubjectConfirmation.METHOD_BEARER));
        }
        SubjectConfirmationData data = confirmation.getSubjectConfirmationData();
        if (data == null) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "SubjectConfirmationData is missing");
        }
        return data;
    }
}
