package io.github.cieservlet.bootstrap;

import io.github.cieservlet.logging.Log;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The library's one background thread ({@code cie-maintenance}, a daemon): periodic jobs such as the evidence
 * retention purge. Stopped with the web application ({@link #close()}), so a redeploy leaves no thread behind.
 */
final class Maintenance implements AutoCloseable {

    private static final Log LOG = Log.of(Maintenance.class);

    private final ScheduledExecutorService executor;

    /** @param owner the service provider's entity ID, for the thread name */
    Maintenance(String owner) {
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cie-maintenance " + owner);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param what the job's name, for the log
     * @param firstDelay before the first run
     * @param period between runs
     * @param job the job; its exceptions are logged and do not stop later runs
     */
    void every(String what, Duration firstDelay, Duration period, Runnable job) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("cie-servlet maintenance job '{}' failed: {}", what, e.getMessage(), e);
            }
        }, firstDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The cie-maintenance thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
