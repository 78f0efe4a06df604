package io.github.cieservlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieError;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.evidence.EvidenceRecorder;
import io.github.cieservlet.saml.IdpMetadataProvider;
import io.github.cieservlet.testing.TestSettings;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** The JMX view: registered under the entity ID, counters per outcome, certificate and metadata state, unregistered. */
class CieMonitorTest {

    @Test
    void showsCountersAndStateInJmxUntilUnregistered() throws Exception {
        CieSettings settings = TestSettings.builder().entityId("https://monitor.example/cie").build();
        Clock clock = Clock.systemUTC();
        IdpMetadataProvider metadata = new IdpMetadataProvider(ResourceLocation.parse("classpath:missing.xml"),
                Duration.ofHours(1), getClass().getClassLoader(), clock);
        CieMonitor monitor = new CieMonitor(settings, new EvidenceRecorder(null, Period.ofMonths(24), clock), metadata,
                clock);
        monitor.register();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.github.cieservlet:type=CieServiceProvider,entityId="
                + ObjectName.quote("https://monitor.example/cie"));
        try {
            monitor.accepted();
            monitor.refused(CieError.SIGNATURE_INVALID);
            monitor.refused(CieError.SIGNATURE_INVALID);
            monitor.refused(CieError.IDP_CANCELLED);
            assertThat(server.getAttribute(name, "LoginsAccepted")).isEqualTo(1L);
            TabularData refusals = (TabularData) server.getAttribute(name, "Refusals");
            assertThat(((CompositeData) refusals.get(new Object[] {"CIE-SIGNATURE_INVALID"})).get("value")).isEqualTo(2L);
            assertThat(((CompositeData) refusals.get(new Object[] {"CIE-IDP_CANCELLED"})).get("value")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "EvidenceStoreFailures")).isEqualTo(0L);
            assertThat(server.getAttribute(name, "IdpMetadataAgeSeconds")).isEqualTo(-1L);
            assertThat(server.getAttribute(name, "IdpMetadataLastRefreshOutcome")).isEqualTo("not loaded yet");
            assertThat((Long) server.getAttribute(name, "SpCertificateDaysToExpiry")).isPositive()
                    .isEqualTo(CertificateExpiry.daysLeft(settings.credentials().certificate(), clock.instant()));
            assertThat(server.getAttribute(name, "IdpCertificateDaysToExpiry")).isEqualTo(-1L);
        } finally {
            monitor.unregister();
        }
        assertThat(server.isRegistered(name)).isFalse();
    }
}
