package io.github.cieservlet.testidp.oidc;

import java.util.Optional;

/** Finds a relying party by its client ID (its entity ID). */
public interface RelyingPartyDirectory {

    /**
     * @param clientId the RP entity ID
     * @return the RP, or empty when unknown
     */
    Optional<RelyingParty> find(String clientId);
}
