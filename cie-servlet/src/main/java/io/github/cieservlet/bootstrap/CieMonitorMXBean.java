package io.github.cieservlet.bootstrap;

import java.util.Map;

/**
 * What cie-servlet shows in JMX (object name {@code io.github.cieservlet:type=CieServiceProvider,entityId=...}):
 * the numbers an operator alerts on. Counters start at zero with the application.
 */
public interface CieMonitorMXBean {

    /** @return logins accepted since startup */
    long getLoginsAccepted();

    /** @return refusals since startup, per error code (e.g. CIE-SIGNATURE_INVALID) */
    Map<String, Long> getRefusals();

    /** @return evidence records that could not be kept since startup (each refused a login or lost a refusal) */
    long getEvidenceStoreFailures();

    /** @return seconds since the IdP metadata was last loaded from its source; -1 when never */
    long getIdpMetadataAgeSeconds();

    /** @return the outcome of the last read of the IdP metadata: loaded, failed: ..., or not loaded yet */
    String getIdpMetadataLastRefreshOutcome();

    /** @return whole days until the current SP signing certificate expires */
    long getSpCertificateDaysToExpiry();

    /** @return whole days until the first IdP signing certificate in use expires; -1 when no metadata is loaded */
    long getIdpCertificateDaysToExpiry();
}
