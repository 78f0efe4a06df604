package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.testing.MutableClock;
import io.github.cieservlet.testing.TestCredentials;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdpMetadataProviderTest {

    private static final Duration REFRESH = Duration.ofHours(12);
    private static final byte[] FIRST = IdpMetadataXml.bytes(TestCredentials.idp().certificate(),
            TestCredentials.attacker().certificate());
    private static final byte[] SECOND = IdpMetadataXml.bytes(TestCredentials.sp().certificate(),
            TestCredentials.attacker().certificate());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));
    private final MetadataLoader loader = new MetadataLoader();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private IdpMetadataProvider provider() {
        return new IdpMetadataProvider(ResourceLocation.parse("classpath:idp-metadata.xml"), REFRESH, loader, clock);
    }

    @Test
    void anUnreachableIdpIsToldByItsCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        IdpMetadataProvider provider = new IdpMetadataProvider(
                ResourceLocation.parse("http://127.0.0.1:" + closedPort + "/metadata"), REFRESH, loader, clock);
        assertThatThrownBy(provider::current).isInstanceOf(CieAuthenticationException.class)
                .hasMessageContaining("cannot load the IdP metadata from http://127.0.0.1:" + closedPort)
                .hasMessageContaining("ConnectException: Connection refused")
                .hasMessageNotContaining("(null)");
    }

    @Test
    void readsNothingUntilFirstUse() throws Exception {
        IdpMetadataProvider provider = provider();
        assertThat(loader.reads.get()).isZero();
        assertThat(provider.current().entityId()).isEqualTo(IdpMetadataXml.ENTITY_ID);
        assertThat(loader.reads.get()).isEqualTo(1);
    }

    @Test
    void servesTheCachedMetadataUntilRefreshHasPassed() throws Exception {
        IdpMetadataProvider provider = provider();
        IdpMetadata first = provider.current();
        loader.content = SECOND;
        clock.advance(REFRESH.minusSeconds(1));
        assertThat(provider.current()).isSameAs(first);
        assertThat(loader.reads.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.current().signingCertificates()).containsExactly(TestCredentials.sp().certificate());
        assertThat(loader.reads.get()).isEqualTo(2);
    }

    @Test
    void failedReloadKeepsTheLastGoodMetadataAndRetriesAfter30Seconds() throws Exception {
        IdpMetadataProvider provider = provider();
        IdpMetadata first = provider.current();
        loader.content = "<broken".getBytes();
        clock.advance(REFRESH);
        assertThat(provider.current()).isSameAs(first);
        assertThat(loader.reads.get()).isEqualTo(2);

        loader.content = SECOND;
        clock.advance(Duration.ofSeconds(29));
        assertThat(provider.current()).isSameAs(first);
        assertThat(loader.reads.get()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.current().signingCertificates()).containsExactly(TestCredentials.sp().certificate());
        assertThat(loader.reads.get()).isEqualTo(3);
    }

    @Test
    void neverLoadedMetadataFailsAndIsRetriedAtMostEvery30Seconds() throws Exception {
        loader.content = null;
        IdpMetadataProvider provider = provider();
        assertThatThrownBy(provider::current).isInstanceOfSatisfying(CieAuthenticationException.class,
                e -> assertThat(e.error()).isEqualTo(CieError.IDP_METADATA_UNAVAILABLE))
                .hasMessageContaining("classpath:idp-metadata.xml");
        assertThat(loader.reads.get()).isEqualTo(1);

        loader.content = FIRST;
        clock.advance(Duration.ofSeconds(29));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(provider::current).isInstanceOf(CieAuthenticationException.class);
        }
        assertThat(loader.reads.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.current().entityId()).isEqualTo(IdpMetadataXml.ENTITY_ID);
        assertThat(loader.reads.get()).isEqualTo(2);
    }

    @Test
    void concurrentFirstCallsLoadOnce() throws Exception {
        IdpMetadataProvider provider = provider();
        loader.holdReads();
        List<Future<IdpMetadata>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(threads.submit(provider::current));
        }
        assertThat(loader.entered.await(5, TimeUnit.SECONDS)).isTrue();
        loader.gate.countDown();
        IdpMetadata first = results.get(0).get(5, TimeUnit.SECONDS);
        for (Future<IdpMetadata> result : results) {
            assertThat(result.get(5, TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(loader.reads.get()).isEqualTo(1);
    }

    @Test
    void readersGetTheCurrentMetadataWithoutWaitingForAReload() throws Exception {
        IdpMetadataProvider provider = provider();
        IdpMetadata first = provider.current();
        loader.content = SECOND;
        loader.holdReads();
        clock.advance(REFRESH);
        Future<IdpMetadata> reloading = threads.submit(provider::current);
        assertThat(loader.entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(threads.submit(provider::current).get(5, TimeUnit.SECONDS)).isSameAs(first);

        loader.gate.countDown();
        assertThat(reloading.get(5, TimeUnit.SECONDS).signingCertificates())
                .containsExactly(TestCredentials.sp().certificate());
        assertThat(provider.current()).isSameAs(reloading.get());
        assertThat(loader.reads.get()).isEqualTo(2);
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cie-idp.xml");
        Files.write(file, FIRST);
        IdpMetadataProvider provider = new IdpMetadataProvider(ResourceLocation.parse(file.toString()), REFRESH,
                getClass().getClassLoader(), clock);
        assertThat(provider.current().ssoUrl(RequestBinding.POST))
                .contains(IdpMetadataXml.SSO_POST);
    }

    @Test
    void refreshMustBePositive() {
        assertThatThrownBy(() -> new IdpMetadataProvider(ResourceLocation.parse("classpath:x"), Duration.ZERO, loader,
                clock)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Serves the class path resource from memory, counts reads, and can hold a read until released. */
    private static final class MetadataLoader extends ClassLoader {
        final AtomicInteger reads = new AtomicInteger();
        volatile byte[] content = FIRST;
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate;

        MetadataLoader() {
            super(null);
        }

        /** From now on a read signals {@link #entered} and then waits until {@link #gate} is released. */
        void holdReads() {
            entered = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            reads.incrementAndGet();
            entered.countDown();
            CountDownLatch waitFor = gate;
            if (waitFor != null) {
                try {
                    waitFor.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = content;
            return "idp-metadata.xml".equals(name) && bytes != null ? new ByteArrayInputStream(bytes) : null;
        }
    }
}
