package io.github.cieservlet.bootstrap;

import io.github.cieservlet.CieError;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.evidence.EvidenceRecorder;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.IdpMetadataProvider;
import java.lang.management.ManagementFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Counts login outcomes and reads the state of the evidence store, IdP metadata and certificates for JMX
 * ({@link CieMonitorMXBean}). Registered in the platform MBean server at startup, unregistered at shutdown.
 */
public final class CieMonitor implements CieMonitorMXBean {

    private static final Log LOG = Log.of(CieMonitor.class);

    private final CieSettings settings;
    private final EvidenceRecorder evidence;
    private final IdpMetadataProvider idpMetadata;
    private final Clock clock;
    private final AtomicLong accepted = new AtomicLong();
    private final ConcurrentMap<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private ObjectName registeredAs;

    CieMonitor(CieSettings settings, EvidenceRecorder evidence, IdpMetadataProvider idpMetadata, Clock clock) {
        this.settings = settings;
        this.evidence = evidence;
        this.idpMetadata = idpMetadata;
        this.clock = clock;
    }

    /** Counts an accepted login. */
    public void accepted() {
        accepted.incrementAndGet();
    }

    /** @param error the refusal to count */
    public void refused(CieError error) {
        refusals.computeIfAbsent(error.code(), code -> new AtomicLong()).incrementAndGet();
    }

    void register() {
        try {
            ObjectName name = new ObjectName("io.github.cieservlet:type=CieServiceProvider,entityId="
                    + ObjectName.quote(settings.entityId()));
            ManagementFactory.getPlatformMBeanServer().registerMBean(this, name);
            registeredAs = name;
        } catch (JMException e) {
            LOG.warn("The cie-servlet JMX MBean is not registered (another application with entity ID {} in this"
                    + " JVM?): {}", settings.entityId(), e.getMessage());
        }
    }

    void unregister() {
        if (registeredAs != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
            } catch (JMException e) {
                LOG.debug("Unregistering {}: {}", registeredAs, e.getMessage());
            }
            registeredAs = null;
        }
    }

    @Override
    public long getLoginsAccepted() {
        return accepted.get();
    }

    @Override
    public Map<String, Long> getRefusals() {
        Map<String, Long> copy = new TreeMap<>();
        refusals.forEach((code, count) -> copy.put(code, count.get()));
        return copy;
    }

    @Override
    public long getEvidenceStoreFailures() {
        return evidence.failures();
    }

    @Override
    public long getIdpMetadataAgeSeconds() {
        return idpMetadata.loadedAt().map(at -> Duration.between(at, clock.instant()).getSeconds()).orElse(-1L);
    }

    @Override
    public String getIdpMetadataLastRefreshOutcome() {
        return idpMetadata.lastOutcome();
    }

    @Override
    public long getSpCertificateDaysToExpiry() {
        return CertificateExpiry.daysLeft(settings.credentials().certificate(), clock.instant());
    }

    @Override
    public long getIdpCertificateDaysToExpiry() {
        return idpMetadata.inUse().map(m -> m.signingCertificates().stream()
                .mapToLong((X509Certificate c) -> CertificateExpiry.daysLeft(c, clock.instant())).min().orElse(-1))
                .orElse(-1L);
    }
}
