package io.github.cieservlet.bootstrap;

import io.github.cieservlet.CieAuthenticationListener;
import io.github.cieservlet.CieUrls;
import io.github.cieservlet.config.CertificateSubject;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieParam;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.CieSettingsReader;
import io.github.cieservlet.config.ConfigProblem;
import io.github.cieservlet.config.Environment;
import io.github.cieservlet.config.ParamSource;
import io.github.cieservlet.config.SpEndpoints;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.OpenSamlBootstrap;
import io.github.cieservlet.saml.spid.SpidSpMetadataFactory;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.spi.LoginProtocolProvider;
import io.github.cieservlet.spi.LoginProtocols;
import io.github.cieservlet.web.AssertionConsumerServlet;
import io.github.cieservlet.web.HealthServlet;
import io.github.cieservlet.web.LoginServlet;
import io.github.cieservlet.web.LogoutServlet;
import io.github.cieservlet.web.MetadataServlet;
import io.github.cieservlet.web.ProtocolCallbackServlet;
import io.github.cieservlet.web.ProtocolDocumentServlet;
import io.github.cieservlet.web.SingleLogoutServlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts cie-servlet with the web application: reads every {@code cie.*} param, initialises OpenSAML, builds
 * the {@link CieServiceProvider}, registers the endpoints under {@code cie.pathPrefix} (unless
 * {@code cie.registerServlets=false}), registers the filter for {@code cie.protect} and logs every protected URL
 * pattern ({@link ProtectedAreas}), and hardens the session cookie (HttpOnly; Secure behind https).
 *
 * <p>{@link CieInitializer} runs it for every application; declared in web.xml as well, it finds the library
 * already started and does nothing. Any problem stops the deployment: one ERROR log line that lists every
 * problem, and the exception rethrown so the container refuses to start the application rather than run it
 * half-configured.
 */
public final class CieContextListener implements ServletContextListener {

    private static final Log LOG = Log.of(CieContextListener.class);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getAttribute(CieServiceProvider.CONTEXT_ATTRIBUTE) != null) {
            LOG.debug("cie-servlet is already started in {}", context.getContextPath());
            return;
        }
        CieServiceProvider provider = null;
        try {
            long start = System.nanoTime();
            // OpenSAML's initialisation (about a second) overlaps reading the settings and the keystore; the
            // initialize() below waits for it, so a failure still stops the deployment here
            OpenSamlBootstrap.initializeInBackground();
            ClassLoader classLoader = context.getClassLoader();
            Clock clock = Clock.systemUTC();
            ParamSource params = ParamSource.withProcessOverrides(contextParams(context));
            CieSettings settings = new CieSettingsReader(params, classLoader, clock).read();
            List<String> protect = ProtectedAreas.parse(protectParam(params));
            Optional<LoginProtocolProvider> protocolProvider = LoginProtocols.find(settings.protocol(), classLoader);
            OpenSamlBootstrap.initialize();
            provider = new CieServiceProvider(settings, clock, classLoader,
                    instantiateListeners(settings, classLoader), replayCache -> protocolProvider.map(p -> p.create(
                            new ServletProtocolContext(params, settings, replayCache, clock, context))));
            hardenSessionCookie(context, settings);
            if (settings.registerServlets()) {
                registerEndpoints(context, settings);
                provider.protocol().ifPresent(protocol -> registerProtocolEndpoints(context, settings, protocol));
            }
            boolean containerSecurity = containerSecurity(params, classLoader);
            ProtectedAreas.apply(context, protect, containerSecurity);
            context.setAttribute(CieServiceProvider.CONTEXT_ATTRIBUTE, provider);
            context.setAttribute(CieUrls.CONTEXT_ATTRIBUTE, new CieUrls(settings.endpoints().path(""),
                    provider.loginRoutes().schemes(), provider.loginRoutes().spidIdentityProviders()));
            warnAboutTheCertificateSubject(settings);
            String shared = StartupDiagnosis.sharedLocation(classLoader);
            if (shared != null) {
                LOG.warn("cie-servlet is loaded from {}, a server-wide directory, not from WEB-INF/lib: every"
                        + " application of the server shares its version; keep it in each application's WEB-INF/lib",
                        shared);
            }
            LOG.info("cie-servlet started in {} ms: protocol={}, entityId={}, environment={}, ACS={}, IdP metadata={}",
                    (System.nanoTime() - start) / 1_000_000, settings.protocol(), settings.entityId(),
                    settings.environment(), settings.endpoints().acsUrl(), settings.idpMetadataLocation());
        } catch (CieConfigException e) {
            LOG.error(e.getMessage());
            context.setAttribute(StartupDiagnosis.FAILURE_ATTRIBUTE, e.getMessage());
            abandon(event, provider);
            throw e;
        } catch (RuntimeException e) {
            LOG.error("cie-servlet cannot start: {}", e.getMessage(), e);
            context.setAttribute(StartupDiagnosis.FAILURE_ATTRIBUTE, e.toString());
            abandon(event, provider);
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Object provider = event.getServletContext().getAttribute(CieServiceProvider.CONTEXT_ATTRIBUTE);
        if (provider instanceof CieServiceProvider) {
            ((CieServiceProvider) provider).close();
        }
        event.getServletContext().removeAttribute(CieServiceProvider.CONTEXT_ATTRIBUTE);
        event.getServletContext().removeAttribute(CieUrls.CONTEXT_ATTRIBUTE);
    }

    /** Name of the Jakarta Authentication module that {@code cie.containerSecurity=true} needs. */
    private static final String SERVER_AUTH_MODULE = "io.github.cieservlet.jaspic.CieServerAuthModule";

    private static boolean containerSecurity(ParamSource params, ClassLoader classLoader) {
        List<ConfigProblem> problems = new ArrayList<>();
        String value = params.value(CieParam.CONTAINER_SECURITY, problems).orElse("false");
        if (!"true".equals(value) && !"false".equals(value)) {
            problems.add(new ConfigProblem(CieParam.CONTAINER_SECURITY.key(), "must be true or false, not '" + value + "'"));
        }
        if (problems.isEmpty() && "true".equals(value)) {
            try {
                Class.forName(SERVER_AUTH_MODULE, false, classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(new ConfigProblem(CieParam.CONTAINER_SECURITY.key(), "true needs the cie-servlet-jaspic jar"
                        + " (io.github.cieservlet:cie-servlet-jaspic) in WEB-INF/lib, and a server with Jakarta"
                        + " Authentication (" + e + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new CieConfigException(problems);
        }
        return "true".equals(value);
    }

    /**
     * The federation portal refuses a certificate whose subject does not match the entity ID and organisation;
     * a WARN per difference (not a refusal: a certificate accepted before keeps working), outside local.
     */
    private static void warnAboutTheCertificateSubject(CieSettings settings) {
        if (settings.environment() == Environment.LOCAL) {
            return;
        }
        for (String mismatch : CertificateSubject.of(settings.credentials().certificate()).mismatches(
                settings.entityId(), settings.organization().name(),
                CertificateSubject.expectedIdentifier(settings.contact()))) {
            LOG.warn("cie-servlet: cie.keystore: {}", mismatch);
        }
    }

    private static Optional<String> protectParam(ParamSource params) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<String> value = params.value(CieParam.PROTECT, problems);
        if (!problems.isEmpty()) {
            throw new CieConfigException(problems);
        }
        return value;
    }

    /** A start that failed after the provider was built: its thread and stores are released. */
    private static void abandon(ServletContextEvent event, CieServiceProvider provider) {
        if (provider != null) {
            provider.close();
            event.getServletContext().removeAttribute(CieServiceProvider.CONTEXT_ATTRIBUTE);
            event.getServletContext().removeAttribute(CieUrls.CONTEXT_ATTRIBUTE);
        }
    }

    private static Map<String, String> contextParams(ServletContext context) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            params.put(name, context.getInitParameter(name));
        }
        return params;
    }

    private static List<CieAuthenticationListener> instantiateListeners(CieSettings settings, ClassLoader loader) {
        List<CieAuthenticationListener> listeners = new ArrayList<>();
        for (String name : settings.authenticationListeners()) {
            try {
                listeners.add(Class.forName(name, true, loader).asSubclass(CieAuthenticationListener.class)
                        .getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cie.authenticationListeners: cannot create " + name
                        + " (it needs a public no-argument constructor)", e);
            }
        }
        return listeners;
    }

    private static void hardenSessionCookie(ServletContext context, CieSettings settings) {
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        try {
            cookie.setHttpOnly(true);
            if (settings.endpoints().isHttps()) {
                cookie.setSecure(true);
            }
        } catch (IllegalStateException e) {
            LOG.debug("Session cookie settings are fixed by the container: {}", e.getMessage());
        }
    }

    private static void registerEndpoints(ServletContext context, CieSettings settings) {
        SpEndpoints endpoints = settings.endpoints();
        register(context, "cie-login", LoginServlet.class, endpoints.path(SpEndpoints.LOGIN));
        register(context, "cie-acs", AssertionConsumerServlet.class, endpoints.path(SpEndpoints.ACS));
        String metadata = endpoints.path(SpEndpoints.METADATA);
        register(context, "cie-metadata", MetadataServlet.class, SpidSpMetadataFactory.isPublished(settings.spid())
                ? new String[] {metadata, metadata + MetadataServlet.SPID_PATH_INFO} : new String[] {metadata});
        register(context, "cie-logout", LogoutServlet.class, endpoints.path(SpEndpoints.LOGOUT));
        register(context, "cie-slo", SingleLogoutServlet.class, endpoints.path(SpEndpoints.SLO));
        if (settings.health().enabled()) {
            register(context, "cie-health", HealthServlet.class, endpoints.path(SpEndpoints.HEALTH));
        }
    }

    private static void registerProtocolEndpoints(ServletContext context, CieSettings settings, LoginProtocol protocol) {
        SpEndpoints endpoints = settings.endpoints();
        register(context, "cie-protocol-callback", ProtocolCallbackServlet.class, endpoints.path(protocol.callbackPath()));
        String[] documents = protocol.documents().stream().map(d -> endpoints.path(d.path())).toArray(String[]::new);
        if (documents.length > 0) {
            register(context, "cie-protocol-documents", ProtocolDocumentServlet.class, documents);
        }
    }

    private static void register(ServletContext context, String name, Class<? extends HttpServlet> type,
            String... paths) {
        ServletRegistration.Dynamic registration = context.addServlet(name, type);
        if (registration == null) {
            throw new IllegalStateException("a servlet named " + name + " is already declared; set"
                    + " cie.registerServlets=false to map the cie-servlet endpoints in web.xml yourself");
        }
        registration.setLoadOnStartup(1);
        registration.addMapping(paths);
    }
}
