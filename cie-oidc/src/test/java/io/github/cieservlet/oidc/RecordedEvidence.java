package io.github.cieservlet.oidc;

import io.github.cieservlet.spi.ProtocolEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a login gave its evidence record, as the web layer would keep it. */
final class RecordedEvidence implements ProtocolEvidence {

    String requestId;
    String request;
    Instant issuedAt;
    String identityProvider;
    final List<String> answers = new ArrayList<>();

    @Override
    public void request(String id, String asSent, Instant at) {
        this.requestId = id;
        this.request = asSent;
        this.issuedAt = at;
    }

    @Override
    public void answer(String part) {
        answers.add(part);
    }

    @Override
    public void identityProvider(String entityId) {
        this.identityProvider = entityId;
    }
}
