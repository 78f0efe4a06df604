package io.github.cieservlet.saml.spid;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.SpidIdentityProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.SpidSettings;
import io.github.cieservlet.saml.AuthnRequestFactory;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.saml.IdpMetadataProvider;
import io.github.cieservlet.saml.validation.Detail;
import io.github.cieservlet.saml.validation.ResponseValidator;
import io.github.cieservlet.saml.validation.ValidatedResponse;
import io.github.cieservlet.store.PendingRequest;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Response;

/**
 * Sends each login to its scheme and identity provider, and brings each answer back to the same: chooses the
 * route from the login link ({@code scheme=}, {@code idp=}) among the schemes {@code cie.schemes} enables and
 * the identity providers configured, builds the AuthnRequest of the scheme (CIE's, or SPID's for SPID and eIDAS),
 * and validates the Response with the metadata of the identity provider the pending login names (its key only)
 * and the scheme's profile. A link without {@code scheme} is a CIE login, as before SPID. Thread-safe.
 */
public final class LoginRoutes {

    private final SpidSettings spid;
    private final CieSettings settings;
    private final IdpMetadataProvider cieIdp;
    private final AuthnRequestFactory cieRequests;
    private final SpidAuthnRequestFactory spidRequests;
    private final ResponseValidator validator;
    private final SpidIdpList spidIdps;
    private final IdpMetadataProvider ficep;
    private final SpidResponseProfile spidProfile;
    private final SpidResponseProfile eidasProfile;

    /**
     * @param settings the settings: {@link CieSettings#spid()} says which schemes are enabled
     * @param cieIdp the CIE identity provider's metadata
     * @param cieRequests the CIE AuthnRequest factory
     * @param validator the Response validator
     * @param spidIdps the SPID identity providers; null when SPID is not enabled
     * @param ficep FICEP's metadata; null when eIDAS is not enabled
     */
    public LoginRoutes(CieSettings settings, IdpMetadataProvider cieIdp, AuthnRequestFactory cieRequests,
            ResponseValidator validator, SpidIdpList spidIdps, IdpMetadataProvider ficep) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.spid = settings.spid();
        this.cieIdp = Objects.requireNonNull(cieIdp, "cieIdp");
        this.cieRequests = Objects.requireNonNull(cieRequests, "cieRequests");
        this.spidRequests = new SpidAuthnRequestFactory(cieRequests);
        this.validator = Objects.requireNonNull(validator, "validator");
        this.spidIdps = spidIdps;
        this.ficep = ficep;
        if (spid.enables(LoginScheme.SPID) != (spidIdps != null) || spid.enables(LoginScheme.EIDAS) != (ficep != null)) {
            throw new IllegalArgumentException("the SPID identity providers and FICEP must be given exactly when"
                    + " their scheme is enabled");
        }
        this.spidProfile = SpidResponseProfile.spid(spid.spidAttributes());
        this.eidasProfile = SpidResponseProfile.eidas(spid.eidasAttributeSet());
    }

    /** @return the schemes {@code cie.schemes} enables */
    public Set<LoginScheme> schemes() {
        return spid.schemes();
    }

    /** @return the SPID identity providers a citizen may choose; empty when SPID is not enabled */
    public List<SpidIdentityProvider> spidIdentityProviders() {
        return spidIdps == null ? List.of() : spidIdps.identityProviders();
    }

    /**
     * @param schemeParam the login link's {@code scheme}, or null for CIE
     * @param idpParam the login link's {@code idp} (SPID only), or null
     * @return where the login goes
     * @throws CieAuthenticationException {@link CieError#UNKNOWN_SCHEME} for a scheme that is unknown or not enabled,
     *     {@link CieError#UNKNOWN_IDENTITY_PROVIDER} for a SPID identity provider not in the list,
     *     {@link CieError#IDP_METADATA_UNAVAILABLE} when the identity provider's metadata cannot be loaded now
     */
    public LoginRoute route(String schemeParam, String idpParam) throws CieAuthenticationException {
        LoginScheme scheme = schemeParam == null ? LoginScheme.CIE : LoginScheme.fromId(schemeParam)
                .orElseThrow(() -> new CieAuthenticationException(CieError.UNKNOWN_SCHEME, "scheme "
                        + Detail.quote(schemeParam) + " is not cie, spid or eidas"));
        enabled(scheme);
        switch (scheme) {
            case SPID:
                return new LoginRoute(scheme, spidIdps.metadata(idpParam), spid.level(), LevelComparison.MINIMUM,
                        spidProfile.attributeConsumingServiceIndex());
            case EIDAS:
                return new LoginRoute(scheme, ficep.current(), spid.level(), LevelComparison.MINIMUM,
                        eidasProfile.attributeConsumingServiceIndex());
            default:
                return new LoginRoute(scheme, cieIdp.current(), settings.level(), settings.comparison(),
                        AuthnRequestFactory.METADATA_INDEX);
        }
    }

    /**
     * @param pending a login started on a route of these
     * @return its AuthnRequest, unsigned; the same every time for the same login
     */
    public AuthnRequest authnRequest(PendingRequest pending) {
        if (pending.scheme() == LoginScheme.CIE) {
            return cieRequests.create(pending.requestId(), pending.issueInstant(), pending.destination(),
                    pending.level(), pending.comparison());
        }
        return spidRequests.create(pending);
    }

    /**
     * @param response the received Response, unmarshalled with its DOM
     * @param pending the login it answers
     * @return the validated Response
     * @throws CieAuthenticationException when a check fails, or the login's scheme or identity provider is no
     *     longer configured
     */
    public ValidatedResponse validate(Response response, PendingRequest pending) throws CieAuthenticationException {
        enabled(pending.scheme());
        switch (pending.scheme()) {
            case SPID:
                requireIndex(pending, spidProfile);
                return validator.validate(response, pending, spidIdps.metadata(pending.idpEntityId()), spidProfile);
            case EIDAS:
                requireIndex(pending, eidasProfile);
                IdpMetadata idp = ficep.current();
                if (!idp.entityId().equals(pending.idpEntityId())) {
                    throw new CieAuthenticationException(CieError.UNKNOWN_IDENTITY_PROVIDER, "the eIDAS login went to "
                            + pending.idpEntityId() + ", FICEP is now " + idp.entityId());
                }
                return validator.validate(response, pending, idp, eidasProfile);
            default:
                return validator.validate(response, pending, cieIdp.current());
        }
    }

    private void enabled(LoginScheme scheme) throws CieAuthenticationException {
        if (!spid.enables(scheme)) {
            throw new CieAuthenticationException(CieError.UNKNOWN_SCHEME, "scheme " + scheme.id()
                    + " is not enabled in cie.schemes");
        }
    }

    private static void requireIndex(PendingRequest pending, SpidResponseProfile profile) throws CieAuthenticationException {
        if (pending.attributeConsumingServiceIndex() != profile.attributeConsumingServiceIndex()) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST, "the login asked AttributeConsumingServiceIndex "
                    + pending.attributeConsumingServiceIndex() + ", the configuration now asks "
                    + profile.attributeConsumingServiceIndex());
        }
    }
}
