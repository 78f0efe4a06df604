package io.github.cieservlet.oidc;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.spi.LoginStart;
import io.github.cieservlet.spi.ProtocolEvidence;
import io.github.cieservlet.spi.ProtocolLogin;
import io.github.cieservlet.spi.PublishedDocument;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CIE OpenID Connect behind the library's {@link LoginProtocol} SPI: the pending login travels as
 * {@link PendingLoginCodec} bytes under its {@code state}; the answer arrives at {@value #CALLBACK_PATH}; the entity
 * configuration is served at {@value #ENTITY_CONFIGURATION_PATH}.
 */
final class OidcLoginProtocol implements LoginProtocol {

    /** Where the OP sends the browser back, under the path prefix. */
    static final String CALLBACK_PATH = "/oidc/callback";

    /** The RP's entity ID is {@code <public base URL><path prefix>/oidc}; its entity configuration is here. */
    static final String ENTITY_CONFIGURATION_PATH = "/oidc" + RpEntityConfiguration.WELL_KNOWN_PATH;

    private final Supplier<OidcRelyingParty> relyingParty;

    /** @param relyingParty the relying party, made on first use in the {@code local} environment */
    OidcLoginProtocol(Supplier<OidcRelyingParty> relyingParty) {
        this.relyingParty = relyingParty;
    }

    @Override
    public LoginStart start(CieLevel level) throws CieAuthenticationException {
        LoginRedirect redirect = relyingParty.get().start(level);
        return new LoginStart(redirect.location(), redirect.pending().state(),
                PendingLoginCodec.encode(redirect.pending()));
    }

    @Override
    public String callbackPath() {
        return CALLBACK_PATH;
    }

    @Override
    public String correlationParameter() {
        return "state";
    }

    @Override
    public ProtocolLogin finish(Map<String, List<String>> parameters, byte[] pending, ProtocolEvidence evidence)
            throws CieAuthenticationException {
        PendingOidcLogin login = PendingLoginCodec.decode(pending).orElseThrow(() -> new CieAuthenticationException(
                CieError.UNKNOWN_REQUEST, "the kept login state is not an OIDC pending login"));
        return relyingParty.get().finish(parameters, login, evidence);
    }

    @Override
    public void logout(byte[] sessionState) throws CieAuthenticationException {
        relyingParty.get().logout(sessionState);
    }

    @Override
    public List<PublishedDocument> documents() {
        return List.of(new PublishedDocument(ENTITY_CONFIGURATION_PATH, RpEntityConfiguration.CONTENT_TYPE,
                () -> relyingParty.get().entityConfiguration()));
    }
}
