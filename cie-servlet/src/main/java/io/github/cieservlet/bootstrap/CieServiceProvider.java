package io.github.cieservlet.bootstrap;

import io.github.cieservlet.CieAuthenticationListener;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.saml.AuthnRequestFactory;
import io.github.cieservlet.saml.IdpMetadataProvider;
import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.saml.validation.ResponseValidator;
import io.github.cieservlet.store.InMemoryReplayCache;
import io.github.cieservlet.store.PendingRequestCodec;
import io.github.cieservlet.store.ReplayCache;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The assembled service provider: settings and every collaborator built once at startup (AuthnRequest
 * factory, signed SP metadata, IdP metadata source, Response validator, pending-login codec, replay cache,
 * listeners). Published as a {@link ServletContext} attribute; the filter and the servlets fetch it with
 * {@link #from(ServletContext)}. Logins in progress cost it no memory (they travel sealed in a cookie); the
 * replay cache is swept of expired IDs every minute by one daemon thread, stopped by {@link #close()}.
 */
public final class CieServiceProvider implements AutoCloseable {

    /** The ServletContext attribute under which the provider is published. */
    public static final String CONTEXT_ATTRIBUTE = CieServiceProvider.class.getName();

    private static final int MAX_REPLAY_ENTRIES = 200_000;
    private static final long SWEEP_SECONDS = 60;

    private final CieSettings settings;
    private final Clock clock;
    private final IdpMetadataProvider idpMetadata;
    private final AuthnRequestFactory authnRequests;
    private final String spMetadataXml;
    private final ResponseValidator responseValidator;
    private final PendingRequestCodec pendingRequestCodec;
    private final InMemoryReplayCache replayCache;
    private final ScheduledExecutorService sweeper;
    private final List<CieAuthenticationListener> listeners;

    /**
     * @param settings the validated settings
     * @param clock the clock of every time check
     * @param classLoader the web application's class loader (IdP metadata on the class path)
     * @param listeners the authentication listeners
     */
    public CieServiceProvider(CieSettings settings, Clock clock, ClassLoader classLoader,
            List<CieAuthenticationListener> listeners) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idpMetadata = new IdpMetadataProvider(settings.idpMetadataLocation(), settings.idpMetadataRefresh(),
                classLoader, clock);
        this.authnRequests = new AuthnRequestFactory(settings);
        this.spMetadataXml = new SpMetadataFactory(settings).signedXml();
        this.replayCache = new InMemoryReplayCache(MAX_REPLAY_ENTRIES, clock);
        this.responseValidator = new ResponseValidator(settings.entityId(), settings.endpoints().acsUrl(),
                settings.clockSkew(), clock, replayCache);
        this.pendingRequestCodec = PendingRequestCodec.derivedFrom(settings.credentials().privateKey());
        this.listeners = List.copyOf(listeners);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cie-servlet-replay-cache-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(replayCache::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * @param context the web application's context
     * @return the provider the {@link CieContextListener} published
     * @throws IllegalStateException when there is none, naming the cause (failed startup, jar in the server's
     *     lib/, initializer left out)
     */
    public static CieServiceProvider from(ServletContext context) {
        Object provider = context.getAttribute(CONTEXT_ATTRIBUTE);
        if (!(provider instanceof CieServiceProvider)) {
            throw new IllegalStateException(StartupDiagnosis.whyNotStarted(context));
        }
        return (CieServiceProvider) provider;
    }

    /** @return the settings */
    public CieSettings settings() {
        return settings;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the IdP metadata source */
    public IdpMetadataProvider idpMetadata() {
        return idpMetadata;
    }

    /** @return the AuthnRequest factory */
    public AuthnRequestFactory authnRequests() {
        return authnRequests;
    }

    /** @return the signed SP metadata */
    public String spMetadataXml() {
        return spMetadataXml;
    }

    /** @return the Response validator */
    public ResponseValidator responseValidator() {
        return responseValidator;
    }

    /** @return the codec of the cookies that carry the logins in progress */
    public PendingRequestCodec pendingRequestCodec() {
        return pendingRequestCodec;
    }

    /** @return the once-only record of answered requests, Responses and Assertions */
    public ReplayCache replayCache() {
        return replayCache;
    }

    /** @return the authentication listeners */
    public List<CieAuthenticationListener> listeners() {
        return listeners;
    }

    /** Stops the replay cache sweeper. */
    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
