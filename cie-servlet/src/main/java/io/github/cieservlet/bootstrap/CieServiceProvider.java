package io.github.cieservlet.bootstrap;

import io.github.cieservlet.CieAuthenticationListener;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.saml.AuthnRequestFactory;
import io.github.cieservlet.saml.IdpMetadataProvider;
import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.saml.validation.ResponseValidator;
import io.github.cieservlet.store.InMemoryPendingRequestStore;
import io.github.cieservlet.store.InMemoryReplayCache;
import io.github.cieservlet.store.PendingRequestStore;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The assembled service provider: settings and every collaborator built once at startup (AuthnRequest
 * factory, signed SP metadata, IdP metadata source, Response validator, stores, listeners). Published as a
 * {@link ServletContext} attribute; the filter and the servlets fetch it with {@link #from(ServletContext)}.
 */
public final class CieServiceProvider {

    /** The ServletContext attribute under which the provider is published. */
    public static final String CONTEXT_ATTRIBUTE = CieServiceProvider.class.getName();

    private static final int MAX_PENDING_REQUESTS = 100_000;
    private static final int MAX_REPLAY_ENTRIES = 200_000;

    private final CieSettings settings;
    private final Clock clock;
    private final IdpMetadataProvider idpMetadata;
    private final AuthnRequestFactory authnRequests;
    private final String spMetadataXml;
    private final ResponseValidator responseValidator;
    private final PendingRequestStore pendingRequests;
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
        this.responseValidator = new ResponseValidator(settings.entityId(), settings.endpoints().acsUrl(),
                settings.clockSkew(), clock, new InMemoryReplayCache(MAX_REPLAY_ENTRIES, clock));
        this.pendingRequests = new InMemoryPendingRequestStore(MAX_PENDING_REQUESTS, clock);
        this.listeners = List.copyOf(listeners);
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

    /** @return the pending login requests */
    public PendingRequestStore pendingRequests() {
        return pendingRequests;
    }

    /** @return the authentication listeners */
    public List<CieAuthenticationListener> listeners() {
        return listeners;
    }
}
