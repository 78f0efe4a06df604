package io.github.cieservlet.testidp.idp;

import java.util.Locale;

/**
 * The identity providers this module stands in for, each with its own URLs, key and rules: the Ministry's CIE
 * IdP, a SPID IdP, and the Italian eIDAS node FICEP (which federates as one more SPID IdP). Request checks,
 * Responses and pages are shared and vary only where the schemes' rules differ; the methods here name those
 * differences.
 */
public enum IdpScheme {
    /** The CIE identity provider (entity ID = its POST SSO URL, paths like the Ministry's). */
    CIE(null, "CIE"),
    /** A SPID identity provider: entity ID {@code <base>/cie-test-idp/spid}. */
    SPID("spid", "SPID"),
    /** The Italian eIDAS node (FICEP), a SPID identity provider for EU citizens: {@code <base>/cie-test-idp/ficep}. */
    FICEP("ficep", "eIDAS (FICEP)");

    private final String segment;
    private final String displayName;

    IdpScheme(String segment, String displayName) {
        this.segment = segment;
        this.displayName = displayName;
    }

    /** @return the path segment under {@value IdpEndpoints#BASE_PATH}, e.g. {@code spid}; null for CIE */
    public String segment() {
        return segment;
    }

    /** @return the name shown on the pages, e.g. {@code SPID} */
    public String displayName() {
        return displayName;
    }

    /** @return whether the SPID rules apply (SPID and FICEP) rather than the CIE ones */
    public boolean followsSpidRules() {
        return this != CIE;
    }

    /** @return the subject of the IdP's self-signed certificate */
    public String certificateSubject() {
        return this == CIE ? IdpCredentials.SUBJECT
                : "CN=" + segment + ".cie-test-idp.localhost, O=cie-servlet local test IdP ("
                        + name().toLowerCase(Locale.ROOT) + ")";
    }
}
