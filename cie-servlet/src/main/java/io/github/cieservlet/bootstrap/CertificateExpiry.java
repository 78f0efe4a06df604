package io.github.cieservlet.bootstrap;

import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.IdpMetadataPolicy;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Warns, at startup and then daily, when the SP signing certificate (or the next one of a rollover) expires
 * within {@link #WARNING_DAYS} days, saying what to do. (An expired current certificate already stops startup.)
 */
final class CertificateExpiry {

    /** How many days before the end of validity the WARN starts. */
    static final long WARNING_DAYS = 60;

    private static final Log LOG = Log.of(CertificateExpiry.class);

    private CertificateExpiry() {
    }

    /**
     * @param settings the settings with the SP credentials
     * @param clock the current time
     */
    static void check(CieSettings settings, Clock clock) {
        Instant now = clock.instant();
        warn("current", settings.credentials().certificate(), now, settings.nextCredentials().isPresent());
        settings.nextCredentials().ifPresent(next -> warn("next", next.certificate(), now, true));
    }

    /**
     * @param certificate a certificate
     * @param now the current time
     * @return whole days until it expires (negative when expired)
     */
    static long daysLeft(X509Certificate certificate, Instant now) {
        return Duration.between(now, certificate.getNotAfter().toInstant()).toDays();
    }

    private static void warn(String which, X509Certificate certificate, Instant now, boolean rolloverUnderway) {
        long days = daysLeft(certificate, now);
        if (days >= WARNING_DAYS) {
            return;
        }
        LOG.warn("The {} SP signing certificate (SHA-256 {}) expires on {}, in {} days. {}", which,
                IdpMetadataPolicy.fingerprint(certificate), certificate.getNotAfter().toInstant(), days,
                rolloverUnderway ? "Finish the key rollover of docs/onboarding.md."
                        : "Start a key rollover now: add a new key to the keystore, set cie.nextKeyAlias, upload the"
                                + " new metadata to the federation portal (docs/onboarding.md).");
    }
}
