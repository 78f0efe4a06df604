package io.github.cieservlet.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Entries for the evidence tests. */
final class EvidenceFixtures {

    static final String IDP = "https://preproduzione.idserver.servizicie.interno.gov.it/idp/profile/SAML2/POST/SSO";
    static final Instant START = Instant.parse("2026-01-10T09:00:00.123Z");

    private EvidenceFixtures() {
    }

    static EvidenceEntry accepted(int n, String fiscalCode, Instant at) {
        return EvidenceEntry.accepted("_req" + n, "<samlp:AuthnRequest ID=\"_req" + n + "\">\"quoted\" \u00e8\n</samlp:AuthnRequest>",
                ("<samlp:Response InResponseTo=\"_req" + n + "\"/>").getBytes(StandardCharsets.UTF_8),
                at.minusSeconds(30), at, fiscalCode, IDP);
    }

    static EvidenceEntry refused(int n, Instant at) {
        return EvidenceEntry.refused(null, null, new byte[] {'<', 'x', '/', '>', (byte) 0xff}, null, at,
                "CIE-SIGNATURE_INVALID", IDP);
    }
}
