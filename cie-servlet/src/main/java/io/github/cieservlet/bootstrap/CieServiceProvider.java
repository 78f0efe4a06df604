package io.github.cieservlet.bootstrap;

import io.github.cieservlet.CieAuthenticationListener;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.config.SpidSettings;
import io.github.cieservlet.evidence.EvidenceRecorder;
import io.github.cieservlet.saml.AuthnRequestFactory;
import io.github.cieservlet.saml.IdpMetadataPolicy;
import io.github.cieservlet.saml.IdpMetadataProvider;
import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.saml.spid.LoginRoutes;
import io.github.cieservlet.saml.spid.SpidIdpList;
import io.github.cieservlet.saml.spid.SpidSpMetadataFactory;
import io.github.cieservlet.saml.validation.ResponseValidator;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.store.InMemoryReplayCache;
import io.github.cieservlet.store.PendingRequestCodec;
import io.github.cieservlet.store.ReplayCache;
import io.github.cieservlet.store.ReplayCaches;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The assembled service provider: settings and every collaborator built once at startup (AuthnRequest
 * factory, signed SP metadata, IdP metadata source, Response validator, pending-login codec, replay cache,
 * listeners). Published as a {@link ServletContext} attribute; the filter and the servlets fetch it with
 * {@link #from(ServletContext)}. Logins in progress cost it no memory (they travel sealed in a cookie); the
 * replay cache is where {@code cie.stateStore} says. One daemon thread ({@link Maintenance}) sweeps the in-memory
 * replay cache, refreshes the IdP metadata, warns of expiring certificates and purges old evidence; it is
 * stopped by {@link #close()}.
 */
public final class CieServiceProvider implements AutoCloseable {

    /** The ServletContext attribute under which the provider is published. */
    public static final String CONTEXT_ATTRIBUTE = CieServiceProvider.class.getName();

    private static final int MAX_REPLAY_ENTRIES = 200_000;
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(60);

    private final CieSettings settings;
    private final Clock clock;
    private final IdpMetadataProvider idpMetadata;
    private final AuthnRequestFactory authnRequests;
    private final String spMetadataXml;
    private final Optional<String> spidMetadataXml;
    private final ResponseValidator responseValidator;
    private final PendingRequestCodec pendingRequestCodec;
    private final ReplayCache replayCache;
    private final List<CieAuthenticationListener> listeners;
    private final Optional<LoginProtocol> protocol;
    private final EvidenceRecorder evidence;
    private final Maintenance maintenance;
    private final CieMonitor monitor;
    private final LoginRoutes loginRoutes;

    /**
     * @param settings the validated settings
     * @param clock the clock of every time check
     * @param classLoader the web application's class loader (IdP metadata on the class path)
     * @param listeners the authentication listeners
     */
    public CieServiceProvider(CieSettings settings, Clock clock, ClassLoader classLoader,
            List<CieAuthenticationListener> listeners) {
        this(settings, clock, classLoader, listeners, replayCache -> Optional.empty());
    }

    /**
     * @param settings the validated settings
     * @param clock the clock of every time check
     * @param classLoader the web application's class loader (IdP metadata on the class path)
     * @param listeners the authentication listeners
     * @param protocol makes the login protocol that replaces SAML ({@code cie.protocol}), given the replay cache;
     *     empty for SAML
     */
    public CieServiceProvider(CieSettings settings, Clock clock, ClassLoader classLoader,
            List<CieAuthenticationListener> listeners, Function<ReplayCache, Optional<LoginProtocol>> protocol) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idpMetadata = new IdpMetadataProvider(settings.idpMetadataLocation(), settings.idpMetadataRefresh(),
                classLoader, clock, new IdpMetadataPolicy(settings.idpCertificatePins(),
                        settings.idpMetadataCache().orElse(null)));
        this.authnRequests = new AuthnRequestFactory(settings);
        this.spMetadataXml = new SpMetadataFactory(settings).signedXml();
        this.spidMetadataXml = SpidSpMetadataFactory.isPublished(settings.spid())
                ? Optional.of(new SpidSpMetadataFactory(settings).signedXml()) : Optional.empty();
        this.replayCache = ReplayCaches.open(settings.stateStore(), MAX_REPLAY_ENTRIES, classLoader, clock);
        this.responseValidator = new ResponseValidator(settings.entityId(), settings.endpoints().acsUrl(),
                settings.clockSkew(), clock, replayCache);
        this.pendingRequestCodec = PendingRequestCodec.derivedFrom(settings.credentials().privateKey());
        this.loginRoutes = loginRoutes(settings, classLoader, clock);
        this.listeners = List.copyOf(listeners);
        this.protocol = Objects.requireNonNull(protocol.apply(replayCache), "protocol");
        this.evidence = EvidenceRecorder.open(settings.evidence(), settings.evidenceRetention(), clock);
        this.maintenance = new Maintenance(settings.entityId());
        this.monitor = new CieMonitor(settings, evidence, idpMetadata, clock);
        monitor.register();
        if (replayCache instanceof InMemoryReplayCache) {
            maintenance.every("replay cache sweep", SWEEP_INTERVAL, SWEEP_INTERVAL, ((InMemoryReplayCache) replayCache)::sweep);
        }
        maintenance.every("SP certificate expiry", Duration.ZERO, Duration.ofDays(1),
                () -> CertificateExpiry.check(settings, clock));
        maintenance.every("IdP metadata refresh", Duration.ofSeconds(10), Duration.ofMinutes(5),
                idpMetadata::refreshIfDue);
        if (evidence.enabled()) {
            maintenance.every("evidence retention purge", Duration.ofMinutes(1), Duration.ofDays(1),
                    evidence::purgeExpired);
        }
    }

    /** The routes of the schemes {@code cie.schemes} enables; SPID metadata at configured locations is read now. */
    private LoginRoutes loginRoutes(CieSettings settings, ClassLoader classLoader, Clock clock) {
        SpidSettings spid = settings.spid();
        Function<ResourceLocation, IdpMetadataProvider> onDemand = location -> new IdpMetadataProvider(location,
                settings.idpMetadataRefresh(), classLoader, clock);
        SpidIdpList spidIdps = spid.enables(LoginScheme.SPID) ? SpidIdpList.load(spid.spidIdps(),
                settings.endpoints().publicBaseUrl(), onDemand, classLoader, clock) : null;
        IdpMetadataProvider ficep = spid.enables(LoginScheme.EIDAS) ? onDemand.apply(spid.eidasMetadata()) : null;
        return new LoginRoutes(settings, idpMetadata, authnRequests, responseValidator, spidIdps, ficep);
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

    /** @return where each login goes (CIE, SPID, eIDAS) and how its answer is validated */
    public LoginRoutes loginRoutes() {
        return loginRoutes;
    }

    /** @return the signed SP metadata */
    public String spMetadataXml() {
        return spMetadataXml;
    }

    /** @return the signed SPID SP metadata, when SPID or eIDAS is enabled */
    public Optional<String> spidMetadataXml() {
        return spidMetadataXml;
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

    /** @return where the evidence of logins is recorded */
    public EvidenceRecorder evidence() {
        return evidence;
    }

    /** @return the login counters shown in JMX */
    public CieMonitor monitor() {
        return monitor;
    }

    /** @return the authentication listeners */
    public List<CieAuthenticationListener> listeners() {
        return listeners;
    }

    /** @return the login protocol that {@code cie.protocol} names, or empty for the built-in SAML */
    public Optional<LoginProtocol> protocol() {
        return protocol;
    }

    /** Stops the background jobs and releases the stores; called when the web application stops. */
    @Override
    public void close() {
        monitor.unregister();
        maintenance.close();
        evidence.close();
    }
}
