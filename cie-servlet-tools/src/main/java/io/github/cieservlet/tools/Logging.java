package io.github.cieservlet.tools;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries' own logging out of the tool's output: Apache Santuario logs through
 * {@code java.util.logging} every signature it cannot verify, which check-metadata already reports as a failed
 * rule. OpenSAML's SLF4J logging is set to warnings by {@code simplelogger.properties}.
 */
final class Logging {

    /** Held so the configured level is not lost when the logger is garbage-collected. */
    private static final Logger SANTUARIO = Logger.getLogger("org.apache.xml.security");

    private Logging() {
    }

    /** @param debug whether the user asked for details; then everything stays visible */
    static void configure(boolean debug) {
        SANTUARIO.setLevel(debug ? Level.INFO : Level.OFF);
    }
}
