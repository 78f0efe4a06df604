package io.github.cieservlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The library's background thread runs its jobs, survives a failing one, and is gone after close (redeploy). */
class MaintenanceTest {

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void runsJobsAndStopsWithTheApplication() throws Exception {
        Maintenance maintenance = new Maintenance("https://sp.example/test");
        CountDownLatch ran = new CountDownLatch(2);
        maintenance.every("failing", Duration.ZERO, Duration.ofMillis(1), () -> {
            ran.countDown();
            throw new IllegalStateException("boom");
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).as("ran again after a failure").isTrue();
        assertThat(threadAlive("cie-maintenance https://sp.example/test")).isTrue();
        maintenance.close();
        assertThat(threadAlive("cie-maintenance https://sp.example/test")).isFalse();
    }
}
