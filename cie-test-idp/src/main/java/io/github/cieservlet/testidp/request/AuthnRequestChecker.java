package io.github.cieservlet.testidp.request;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.testidp.idp.EidasAttributeSets;
import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.idp.IdpScheme;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

/**
 * Checks an AuthnRequest as the CIE identity provider does, in its order: the binding parameters (nr04), the
 * Issuer against the service provider's metadata (nr10), the signature of the binding used (nr07 for POST,
 * nr05 for Redirect), then Version (nr09), ID (nr11), IssueInstant (nr13), Destination (nr14), elements CIE
 * forbids or requires (nr08), IsPassive (nr15), the ACS (nr16), NameIDPolicy (nr17),
 * AttributeConsumingServiceIndex (nr18) and RequestedAuthnContext (nr12).
 *
 * <p>For the SPID and FICEP test IdPs ({@link IdpScheme#followsSpidRules()}) the same checks follow the SPID
 * rules where they differ: the Issuer must carry Format entity and a NameQualifier (nr10); Scoping is ignored;
 * ForceAuthn is required only when the request rules out SpidL1 (nr08); an ACS named by URL needs ProtocolBinding
 * HTTP-POST (nr16); AllowCreate is accepted; AttributeConsumingServiceIndex is optional for SPID (no attributes
 * then) and must be 99 or 100 for FICEP (nr18); Comparison may also be better or maximum, if some level can meet
 * it (nr12).
 */
public final class AuthnRequestChecker {

    /** Largest accepted distance between the request's IssueInstant and its arrival, either way. */
    public static final Duration MAX_CLOCK_DIFFERENCE = Duration.ofMinutes(3);
    /** Largest AuthnRequest accepted, decoded. */
    public static final int MAX_REQUEST_BYTES = SignedRequestReader.MAX_REQUEST_BYTES;
    /** Longest RelayState accepted (SAML asks senders for at most 80 bytes; the IdP is lenient but bounded). */
    public static final int MAX_RELAY_STATE_CHARS = SignedRequestReader.MAX_RELAY_STATE_CHARS;

    private static final Pattern NCNAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    private final IdpEndpoints idp;
    private final SignedRequestReader reader;
    private final Clock clock;

    /**
     * @param idp the IdP's own URLs (for Destination)
     * @param spMetadata the service provider's metadata
     * @param clock the time of arrival of requests
     */
    public AuthnRequestChecker(IdpEndpoints idp, SpMetadataSource spMetadata, Clock clock) {
        this.idp = Objects.requireNonNull(idp, "idp");
        this.reader = new SignedRequestReader(spMetadata, idp.scheme().followsSpidRules());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks a request received with the HTTP-POST binding.
     *
     * @param samlRequest the {@code SAMLRequest} form parameter (base64), or null
     * @param relayState the {@code RelayState} form parameter, or null
     * @return the request, when every check passes
     * @throws RequestRefusedException with the error code of the first check that fails
     */
    public ValidRequest checkPost(String samlRequest, String relayState) throws RequestRefusedException {
        return checkContent(reader.post(samlRequest, relayState, AuthnRequest.class));
    }

    /**
     * Checks a request received with the HTTP-Redirect binding.
     *
     * @param rawQuery the query string exactly as received, still URL-encoded
     * @return the request, when every check passes
     * @throws RequestRefusedException with the error code of the first check that fails
     */
    public ValidRequest checkRedirect(String rawQuery) throws RequestRefusedException {
        return checkContent(reader.redirect(rawQuery, AuthnRequest.class));
    }

    private ValidRequest checkContent(SignedRequestReader.Received<AuthnRequest> received)
            throws RequestRefusedException {
        AuthnRequest request = received.request();
        SpMetadata sp = received.sp();
        RequestBinding binding = received.binding();
        String relayState = received.relayState();
        String id = request.getID();
        boolean validId = id != null && NCNAME.matcher(id).matches();
        Optional<SpMetadata.Acs> namedAcs = namedAcs(request, sp);
        ReplyTo reply = new ReplyTo(sp.entityId(), namedAcs.orElseGet(sp::defaultAcs).location(),
                validId ? id : null, relayState);

        String version = request.getDOM().getAttributeNS(null, "Version");
        if (!"2.0".equals(version)) {
            throw returned(ErrorCode.NR09, "Version is " + quoted(version.isEmpty() ? null : version)
                    + "; it must be 2.0", reply);
        }
        if (!validId) {
            throw returned(ErrorCode.NR11, "ID is " + (id == null ? "missing" : "'" + id + "', not a valid xs:ID")
                    + "; use e.g. '_' followed by a random UUID", reply);
        }
        checkIssueInstant(request.getIssueInstant(), reply);
        String expectedDestination = idp.ssoUrl(binding);
        if (!expectedDestination.equals(request.getDestination())) {
            throw returned(ErrorCode.NR14, "Destination is " + quoted(request.getDestination())
                    + "; for the " + IdpEndpoints.bindingName(binding) + " binding it must be '" + expectedDestination
                    + "'", reply);
        }
        if (!spidRules() && request.getScoping() != null) {
            throw returned(ErrorCode.NR08, "Scoping (and RequesterID) must not be present", reply);
        }
        if (!spidRules() && !Boolean.TRUE.equals(request.isForceAuthn())) {
            throw returned(ErrorCode.NR08, "ForceAuthn must be true for CIE", reply);
        }
        if (Boolean.TRUE.equals(request.isPassive())) {
            throw returned(ErrorCode.NR15, "IsPassive is true; " + idp.scheme().displayName()
                    + " always interacts with the citizen", reply);
        }
        if (namedAcs.isEmpty()) {
            throw returned(ErrorCode.NR16, acsProblem(request, sp), reply);
        }
        checkNameIdPolicy(request.getNameIDPolicy(), reply);
        Integer attributeService = request.getAttributeConsumingServiceIndex();
        List<String> attributes = requestedAttributes(attributeService, sp, reply);
        RequestedAuthnContext context = request.getRequestedAuthnContext();
        Comparison comparison = comparison(context, reply);
        CieLevel level = level(context, reply);
        if (spidRules()) {
            checkSpidLevel(request, level, comparison, reply);
        }
        return new ValidRequest(reply, level, comparison, attributeService, attributes);
    }

    private boolean spidRules() {
        return idp.scheme().followsSpidRules();
    }

    /** @return the Names of the attributes to release; refuses an index the scheme or the metadata does not know */
    private List<String> requestedAttributes(Integer index, SpMetadata sp, ReplyTo reply) throws RequestRefusedException {
        if (index == null && idp.scheme() == IdpScheme.SPID) {
            return List.of();
        }
        if (index == null || !sp.attributeConsumingServices().containsKey(index)) {
            throw returned(ErrorCode.NR18, "AttributeConsumingServiceIndex is " + index
                    + "; the service provider metadata declares " + sp.attributeConsumingServiceIndexes(), reply);
        }
        if (idp.scheme() != IdpScheme.FICEP) {
            return sp.attributeConsumingServices().get(index);
        }
        return EidasAttributeSets.forIndex(index).orElseThrow(() -> returned(ErrorCode.NR18,
                "AttributeConsumingServiceIndex is " + index + "; the eIDAS node knows only "
                        + EidasAttributeSets.MINIMUM_INDEX + " (minimum attribute set) and "
                        + EidasAttributeSets.FULL_INDEX + " (full attribute set)", reply));
    }

    /** SPID: some level must meet the request, and ForceAuthn is due when SpidL1 does not. */
    private static void checkSpidLevel(AuthnRequest request, CieLevel level, Comparison comparison, ReplyTo reply)
            throws RequestRefusedException {
        Optional<CieLevel> lowest = comparison.lowestAccepted(level);
        if (lowest.isEmpty()) {
            throw returned(ErrorCode.NR12, "Comparison " + comparison.wireValue() + " with " + level.uri()
                    + " asks for a level no SPID identity provider has", reply);
        }
        if (lowest.get() != CieLevel.L1 && !Boolean.TRUE.equals(request.isForceAuthn())) {
            throw returned(ErrorCode.NR08, "ForceAuthn must be true when the request asks for SpidL2 or SpidL3 (here "
                    + comparison.wireValue() + " " + level.uri() + ")", reply);
        }
    }

    private void checkIssueInstant(Instant issued, ReplyTo reply) throws RequestRefusedException {
        if (issued == null) {
            throw returned(ErrorCode.NR13, "IssueInstant is missing", reply);
        }
        Instant now = clock.instant();
        if (Duration.between(issued, now).abs().compareTo(MAX_CLOCK_DIFFERENCE) > 0) {
            throw returned(ErrorCode.NR13, "IssueInstant " + issued + " is more than " + MAX_CLOCK_DIFFERENCE.toMinutes()
                    + " minutes from the time of arrival " + now, reply);
        }
    }

    private Optional<SpMetadata.Acs> namedAcs(AuthnRequest request, SpMetadata sp) {
        Integer index = request.getAssertionConsumerServiceIndex();
        String url = request.getAssertionConsumerServiceURL();
        String protocolBinding = request.getProtocolBinding();
        if (index != null && url == null && protocolBinding == null) {
            return sp.acsByIndex(index);
        }
        boolean bindingRequired = spidRules();
        if (index == null && url != null && (protocolBinding == null ? !bindingRequired
                : SAMLConstants.SAML2_POST_BINDING_URI.equals(protocolBinding))) {
            return sp.acsByLocation(url);
        }
        return Optional.empty();
    }

    private String acsProblem(AuthnRequest request, SpMetadata sp) {
        String declared = sp.assertionConsumerServices().stream()
                .map(acs -> acs.index() + " = " + acs.location())
                .collect(Collectors.joining(", "));
        return "AssertionConsumerServiceIndex=" + request.getAssertionConsumerServiceIndex()
                + ", AssertionConsumerServiceURL=" + request.getAssertionConsumerServiceURL()
                + ", ProtocolBinding=" + request.getProtocolBinding()
                + "; send either the index alone or the URL (with ProtocolBinding HTTP-POST"
                + (spidRules() ? "" : " or none") + ") of an HTTP-POST ACS in the service provider metadata: " + declared;
    }

    private void checkNameIdPolicy(NameIDPolicy policy, ReplyTo reply) throws RequestRefusedException {
        if (policy == null || !NameIDType.TRANSIENT.equals(policy.getFormat())) {
            throw returned(ErrorCode.NR17, "NameIDPolicy Format is "
                    + (policy == null ? "missing (no NameIDPolicy)" : quoted(policy.getFormat()))
                    + "; it must be " + NameIDType.TRANSIENT, reply);
        }
        if (!spidRules() && policy.getAllowCreateXSBoolean() != null) {
            throw returned(ErrorCode.NR17, "NameIDPolicy must not carry AllowCreate for CIE", reply);
        }
    }

    private Comparison comparison(RequestedAuthnContext context, ReplyTo reply) throws RequestRefusedException {
        if (context == null) {
            throw returned(ErrorCode.NR12, "RequestedAuthnContext is missing", reply);
        }
        AuthnContextComparisonTypeEnumeration comparison = context.getComparison();
        if (spidRules() || comparison == null || comparison == AuthnContextComparisonTypeEnumeration.EXACT
                || comparison == AuthnContextComparisonTypeEnumeration.MINIMUM) {
            return Comparison.of(comparison);
        }
        throw returned(ErrorCode.NR12, "Comparison is '" + comparison + "'; CIE accepts only exact or minimum", reply);
    }

    private static CieLevel level(RequestedAuthnContext context, ReplyTo reply) throws RequestRefusedException {
        List<AuthnContextClassRef> refs = context.getAuthnContextClassRefs();
        if (refs.size() != 1 || !context.getAuthnContextDeclRefs().isEmpty()) {
            throw returned(ErrorCode.NR12, "RequestedAuthnContext must hold exactly one AuthnContextClassRef (it holds "
                    + refs.size() + ") and no AuthnContextDeclRef", reply);
        }
        String uri = refs.get(0).getURI();
        return CieLevel.fromUri(uri).orElseThrow(() -> returned(ErrorCode.NR12, "AuthnContextClassRef " + quoted(uri)
                + " is not one of https://www.spid.gov.it/SpidL1, SpidL2, SpidL3", reply));
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }

    private static RequestRefusedException returned(ErrorCode code, String detail, ReplyTo reply) {
        return new RequestRefusedException(code, detail, reply);
    }
}
