package io.github.cieservlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The library's background thread runs its jobs, survives a failing one, and is gone after close (redeploy). */
class MaintenanceTest {

    @Test
    void runsJobsAndStopsWithTheApplication() throws Exception {
        Maintenance maintenance = new Maintenance("https://sp.example/test");
        CountDownLatch ran = new CountDownLatch(2);
        AtomicReference<Thread> worker = new AtomicReference<>();
        maintenance.every("failing", Duration.ZERO, Duration.ofMillis(1), () -> {
            worker.set(Thread.currentThread());
            ran.countDown();
            throw new IllegalStateException("boom");
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).as("ran again after a failure").isTrue();
        Thread thread = worker.get();
        assertThat(thread.getName()).isEqualTo("cie-maintenance https://sp.example/test");
        assertThat(thread.isAlive()).isTrue();
        maintenance.close();
        // the executor counts as terminated a moment before its last thread has exited: wait for that exit
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thread.isAlive()).as("the maintenance thread ends with the application").isFalse();
    }
}
