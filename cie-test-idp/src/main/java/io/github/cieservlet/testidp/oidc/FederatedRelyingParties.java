package io.github.cieservlet.testidp.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityID;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatement;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityType;
import com.nimbusds.openid.connect.sdk.federation.trust.DefaultEntityStatementRetriever;
import com.nimbusds.openid.connect.sdk.federation.trust.ResolveException;
import io.github.cieservlet.logging.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Reads a relying party from its own entity configuration ({@code <client_id>/.well-known/openid-federation}),
 * self-signature verified, as the OP of a federation does; only for client IDs under the application's own public
 * base URL (the test IdP never fetches from elsewhere).
 */
public final class FederatedRelyingParties implements RelyingPartyDirectory {

    private static final Log LOG = Log.of(FederatedRelyingParties.class);

    private final String allowedPrefix;
    private final DefaultEntityStatementRetriever retriever = new DefaultEntityStatementRetriever(2000, 2000);

    /** @param allowedPrefix the public base URL RP client IDs must start with */
    public FederatedRelyingParties(String allowedPrefix) {
        this.allowedPrefix = allowedPrefix;
    }

    @Override
    public Optional<RelyingParty> find(String clientId) {
        if (clientId == null || !clientId.startsWith(allowedPrefix + "/")) {
            return Optional.empty();
        }
        try {
            EntityStatement statement = retriever.fetchEntityConfiguration(new EntityID(clientId));
            statement.verifySignatureOfSelfStatement();
            JSONObject rp = statement.getClaimsSet().getMetadata(EntityType.OPENID_RELYING_PARTY);
            if (rp == null) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            JWKSet keys = JWKSet.parse((Map<String, Object>) rp.get("jwks"));
            List<String> redirects = new ArrayList<>();
            for (Object uri : (List<?>) rp.get("redirect_uris")) {
                redirects.add(String.valueOf(uri));
            }
            return Optional.of(new RelyingParty(clientId, statement.getClaimsSet().getJWKSet(), keys, redirects));
        } catch (ResolveException | BadJOSEException | JOSEException | java.text.ParseException | RuntimeException e) {
            LOG.warn("cie-test-idp: the relying party {} cannot be read from its entity configuration: {}", clientId,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
