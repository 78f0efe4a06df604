package io.github.cieservlet.tools.cert;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Whether the SP is a public body or a private one, which decides its certificate policy. */
public enum Sector {
    /** Public administrations: organizationIdentifier {@code PA:IT-<IPA code>}, policy spid-publicsector-SP. */
    PUBLIC("1.3.76.16.4.2.1", "cert_SP_Pub"),
    /** Private subjects: organizationIdentifier {@code VATIT-...} or {@code CF:IT-...}, policy spid-privatesector-SP. */
    PRIVATE("1.3.76.16.4.3.1", "cert_SP_Priv");

    private final ASN1ObjectIdentifier policy;
    private final String explicitText;

    Sector(String policy, String explicitText) {
        this.policy = new ASN1ObjectIdentifier(policy);
        this.explicitText = explicitText;
    }

    /** @return the certificate policy OID of this sector */
    public ASN1ObjectIdentifier policy() {
        return policy;
    }

    /** @return the userNotice explicitText of that policy */
    public String explicitText() {
        return explicitText;
    }
}
