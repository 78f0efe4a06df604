package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9 item 2: cookie-less floods of {@code GET /cie/login} cannot lock anyone out. Logins in progress cost the
 * server no memory (they travel sealed in the browser), so while {@value #FLOODERS} clients start
 * {@value #REQUESTS_PER_FLOODER} logins each and never finish them, every real login in parallel succeeds. Heap in
 * use (the portal runs in this JVM) is printed before and after; bounded loops, loopback only, no timing.
 */
@ExtendWith(PortalServer.class)
class LoginFloodIT {

    private static final int FLOODERS = 3;
    private static final int REQUESTS_PER_FLOODER = 300;
    private static final int REAL_LOGINS = 6;

    @Test
    void cookieLessFloodsOfLoginStartsNeverStopRealLogins() throws Exception {
        long heapBefore = usedHeapAfterGc();
        AtomicInteger floodAnswers200 = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(FLOODERS + 1);
        try {
            List<Future<?>> floods = new ArrayList<>();
            for (int f = 0; f < FLOODERS; f++) {
                floods.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_FLOODER; i++) {
                        RawHttp.Answer answer = RawHttp.get(PortalServer.baseUrl(), "/cie/login?target=%2Fflood%2F" + i, null);
                        if (answer.status == 200 && answer.body.contains("SAMLRequest")) {
                            floodAnswers200.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Future<Integer> real = pool.submit(() -> {
                int succeeded = 0;
                for (int i = 0; i < REAL_LOGINS; i++) {
                    try (CieBrowser citizen = new CieBrowser()) {
                        String body = citizen.login("/area-riservata/whoami", "MARIO_ROSSI", "SUCCESS", "L3")
                                .getWebResponse().getContentAsString();
                        if (body.contains("remoteUser=RSSMRA80A01H501U")) {
                            succeeded++;
                        }
                    }
                }
                return succeeded;
            });
            for (Future<?> flood : floods) {
                flood.get();
            }
            assertThat(real.get()).as("real logins that succeeded during the flood").isEqualTo(REAL_LOGINS);
        } finally {
            pool.shutdownNow();
        }
        long heapAfter = usedHeapAfterGc();
        System.out.printf("LoginFloodIT: %d cookie-less login starts (%d answered with the AuthnRequest form) and %d"
                + " real logins; heap in use after GC: before %.1f MB, after %.1f MB (%+.1f MB)%n",
                FLOODERS * REQUESTS_PER_FLOODER, floodAnswers200.get(), REAL_LOGINS, heapBefore / 1e6, heapAfter / 1e6,
                (heapAfter - heapBefore) / 1e6);
        assertThat(floodAnswers200.get()).as("every flood request was answered, none refused for lack of room")
                .isEqualTo(FLOODERS * REQUESTS_PER_FLOODER);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
