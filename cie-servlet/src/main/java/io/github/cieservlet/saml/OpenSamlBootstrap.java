package io.github.cieservlet.saml;

import io.github.cieservlet.logging.Log;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;

/**
 * Initialises OpenSAML once per class loader and installs the hardened parser pool of {@link SecureXml} as
 * OpenSAML's global one, so no code path can parse with a weaker parser. Also quiets Santuario's per-signature
 * warnings ({@link SantuarioLogs}): a refused message is one WARN line of the library.
 */
public final class OpenSamlBootstrap {

    private static final Log LOG = Log.of(OpenSamlBootstrap.class);
    private static volatile boolean initialized;

    private OpenSamlBootstrap() {
    }

    /**
     * Starts {@link #initialize()} on a short-lived daemon thread (with the caller's context class loader) and
     * returns at once, so that OpenSAML's initialisation overlaps other start-up work, such as reading the
     * configuration and the keystore. A later {@link #initialize()} waits for it to finish; if it failed, that
     * call runs it again and throws, so the failure still stops the caller.
     */
    public static void initializeInBackground() {
        if (initialized) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                initialize();
            } catch (RuntimeException e) {
                LOG.debug("OpenSAML initialisation in the background failed; it is retried when needed: {}", e.getMessage());
            }
        }, "cie-servlet-opensaml-init");
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
    }

    /** Initialises OpenSAML if not done yet; cheap after the first call, safe from any thread. */
    public static void initialize() {
        if (initialized) {
            return;
        }
        synchronized (OpenSamlBootstrap.class) {
            if (initialized) {
                return;
            }
            long start = System.nanoTime();
            try {
                InitializationService.initialize();
            } catch (InitializationException e) {
                throw new IllegalStateException("OpenSAML could not be initialised", e);
            }
            XMLObjectProviderRegistrySupport.setParserPool(SecureXml.parserPool());
            SantuarioLogs.quiet();
            initialized = true;
            LOG.debug("OpenSAML initialised in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
