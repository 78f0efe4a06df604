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
