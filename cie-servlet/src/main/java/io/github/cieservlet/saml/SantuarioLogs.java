package io.github.cieservlet.saml;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Santuario (Apache XML Security) from writing its own lines about a signature that does not verify.
 *
 * <p>Santuario logs through {@link System.Logger}, which lands in {@code java.util.logging}: for any forged or
 * tampered signature it writes "WARNING: Signature verification failed." and the expected and actual digests, in
 * the JDK's two-line format, beside the library's own WARN line. Those lines are attacker-triggered, unformatted
 * and say nothing the library's line does not. So the three loggers that write them
 * ({@code org.apache.xml.security.signature.XMLSignature}, {@code .Reference}, {@code .Manifest}) are raised to
 * SEVERE: their real errors still pass, their per-message warnings do not. The choice is contained: only these
 * three logger names, only in the logging context of the web application that initialises OpenSAML (Tomcat and
 * WildFly keep one per application), and never when the operator has set a level on them (then the operator's
 * level stands, e.g. FINE to debug a signature problem).
 */
final class SantuarioLogs {

    static final List<String> LOGGER_NAMES = List.of("org.apache.xml.security.signature.XMLSignature",
            "org.apache.xml.security.signature.Reference", "org.apache.xml.security.signature.Manifest");

    /** Strong references: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private SantuarioLogs() {
    }

    /** Raises the three loggers to SEVERE unless a level is already set on them. */
    static synchronized void quiet() {
        for (String name : LOGGER_NAMES) {
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.SEVERE);
                QUIETED.add(logger);
            }
        }
    }
}
