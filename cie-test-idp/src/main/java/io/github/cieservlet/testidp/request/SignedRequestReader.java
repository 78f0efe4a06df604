package io.github.cieservlet.testidp.request;

import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.RedirectBinding;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testidp.idp.ErrorCode;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.RequestAbstractType;

/**
 * The first steps of every request a test IdP receives from the service provider (AuthnRequest, LogoutRequest):
 * the binding parameters and their decoding (nr04), the Issuer against the service provider's metadata (nr10) and
 * the signature of the binding used (nr07 for HTTP-POST, nr05 for HTTP-Redirect), reading the metadata again once
 * when either fails with the cached copy (the service provider may have restarted with a new key). With the SPID
 * rules the Issuer must also carry Format entity and a NameQualifier.
 */
final class SignedRequestReader {

    /** Largest request accepted, decoded. */
    static final int MAX_REQUEST_BYTES = 128 * 1024;
    /** Longest RelayState accepted (SAML asks senders for at most 80 bytes; the IdP is lenient but bounded). */
    static final int MAX_RELAY_STATE_CHARS = 1024;

    private final SpMetadataSource spMetadata;
    private final boolean spidRules;

    /**
     * A request that is authentic: parsed, from the service provider, signed with its metadata key.
     *
     * @param request the request
     * @param sp the service provider's metadata that verified it
     * @param binding the binding it came with
     * @param relayState its RelayState, or null
     * @param <T> the request type
     */
    record Received<T extends RequestAbstractType>(T request, SpMetadata sp, RequestBinding binding,
            String relayState) {
    }

    /**
     * @param spMetadata the service provider's metadata
     * @param spidRules whether the SPID Issuer rules apply
     */
    SignedRequestReader(SpMetadataSource spMetadata, boolean spidRules) {
        this.spMetadata = Objects.requireNonNull(spMetadata, "spMetadata");
        this.spidRules = spidRules;
    }

    <T extends RequestAbstractType> Received<T> post(String samlRequest, String relayState, Class<T> type)
            throws RequestRefusedException {
        if (samlRequest == null || samlRequest.isBlank()) {
            throw shown(ErrorCode.NR04, "the HTTP-POST binding needs a SAMLRequest form parameter");
        }
        checkRelayState(relayState);
        if (samlRequest.length() > MAX_REQUEST_BYTES * 2) {
            throw shown(ErrorCode.NR04, "SAMLRequest is larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(samlRequest);
        } catch (IllegalArgumentException e) {
            throw shown(ErrorCode.NR04, "SAMLRequest is not base64: " + e.getMessage());
        }
        T request = parse(xml, type);
        SpMetadata sp = authenticate(request, metadata -> RequestSignatures.postProblem(request, metadata), ErrorCode.NR07);
        return new Received<>(request, sp, RequestBinding.POST, relayState);
    }

    <T extends RequestAbstractType> Received<T> redirect(String rawQuery, Class<T> type) throws RequestRefusedException {
        Map<String, String> params = RedirectQuery.parameters(rawQuery);
        String samlRequest = params.get(RedirectQuery.SAML_REQUEST);
        if (samlRequest == null || params.get("SigAlg") == null || params.get("Signature") == null) {
            throw shown(ErrorCode.NR04, "the HTTP-Redirect binding needs the query parameters SAMLRequest, SigAlg"
                    + " and Signature, each exactly once");
        }
        String relayState = params.get("RelayState");
        checkRelayState(relayState);
        byte[] xml;
        try {
            xml = RedirectBinding.decodeAndInflate(samlRequest, MAX_REQUEST_BYTES);
        } catch (SamlXmlException e) {
            throw shown(ErrorCode.NR04, "SAMLRequest is not base64 DEFLATE data: " + e.getMessage());
        }
        T request = parse(xml, type);
        SpMetadata sp = authenticate(request, metadata -> RequestSignatures.redirectProblem(request, rawQuery, metadata),
                ErrorCode.NR05);
        return new Received<>(request, sp, RequestBinding.REDIRECT, relayState);
    }

    private static void checkRelayState(String relayState) throws RequestRefusedException {
        if (relayState != null && relayState.length() > MAX_RELAY_STATE_CHARS) {
            throw shown(ErrorCode.NR04, "RelayState is longer than " + MAX_RELAY_STATE_CHARS
                    + " characters (SAML asks for at most 80 bytes)");
        }
    }

    private static <T extends RequestAbstractType> T parse(byte[] xml, Class<T> type) throws RequestRefusedException {
        try {
            return SecureXml.parse(xml, type);
        } catch (SamlXmlException e) {
            throw shown(ErrorCode.NR04, "SAMLRequest is not the expected " + type.getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private SpMetadata authenticate(RequestAbstractType request, Function<SpMetadata, Optional<String>> signatureProblem,
            ErrorCode signatureError) throws RequestRefusedException {
        SpMetadata sp = metadata(false);
        if (issuerProblem(request, sp).isEmpty() && signatureProblem.apply(sp).isEmpty()) {
            return sp;
        }
        sp = metadata(true);
        Optional<String> issuer = issuerProblem(request, sp);
        if (issuer.isPresent()) {
            throw shown(ErrorCode.NR10, issuer.get());
        }
        Optional<String> signature = signatureProblem.apply(sp);
        if (signature.isPresent()) {
            throw shown(signatureError, signature.get());
        }
        return sp;
    }

    private SpMetadata metadata(boolean refresh) throws RequestRefusedException {
        try {
            return refresh ? spMetadata.refresh() : spMetadata.current();
        } catch (IOException e) {
            throw shown(ErrorCode.NR02, "cannot read the service provider metadata: " + e.getMessage());
        }
    }

    private Optional<String> issuerProblem(RequestAbstractType request, SpMetadata sp) {
        Issuer issuer = request.getIssuer();
        if (issuer == null || issuer.getValue() == null) {
            return Optional.of("the request has no Issuer");
        }
        if (spidRules && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            return Optional.of("Issuer Format is " + (issuer.getFormat() == null ? "missing" : "'" + issuer.getFormat()
                    + "'") + "; SPID requires " + NameIDType.ENTITY);
        }
        if (spidRules && (issuer.getNameQualifier() == null || issuer.getNameQualifier().isBlank())) {
            return Optional.of("Issuer has no NameQualifier; SPID requires one (a URI of the service provider, e.g."
                    + " its entity ID)");
        }
        if (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            return Optional.of("Issuer Format is '" + issuer.getFormat() + "'; it must be absent or " + NameIDType.ENTITY);
        }
        if (!issuer.getValue().equals(sp.entityId())) {
            return Optional.of("Issuer '" + issuer.getValue() + "' is not the entity ID in the service provider"
                    + " metadata, '" + sp.entityId() + "'");
        }
        return Optional.empty();
    }

    private static RequestRefusedException shown(ErrorCode code, String detail) {
        return new RequestRefusedException(code, detail, null);
    }
}
