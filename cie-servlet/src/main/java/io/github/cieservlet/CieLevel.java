package io.github.cieservlet;

import java.util.Locale;
import java.util.Optional;

/**
 * The authentication assurance levels CIE shares with SPID, each identified on the wire by its
 * {@code AuthnContextClassRef} URI.
 */
public enum CieLevel {
    /** Username and password activated on the CIE portal. */
    L1("https://www.spid.gov.it/SpidL1"),
    /** Password plus a second factor (OTP, or the CieID app). */
    L2("https://www.spid.gov.it/SpidL2"),
    /** The card itself, read with its PIN over NFC or a desktop reader. */
    L3("https://www.spid.gov.it/SpidL3");

    private final String uri;

    CieLevel(String uri) {
        this.uri = uri;
    }

    /** @return the {@code AuthnContextClassRef} URI of this level */
    public String uri() {
        return uri;
    }

    /**
     * @param other the level to compare with
     * @return whether this level is the same as or stronger than {@code other}
     */
    public boolean isAtLeast(CieLevel other) {
        return ordinal() >= other.ordinal();
    }

    /**
     * Finds the level of an {@code AuthnContextClassRef}. Only the exact SPID URIs count; legacy values such
     * as {@code urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1} are not levels.
     *
     * @param uri the class reference as received, surrounding white space ignored
     * @return the level, or empty when the URI is not one of the three
     */
    public static Optional<CieLevel> fromUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String trimmed = uri.trim();
        for (CieLevel level : values()) {
            if (level.uri.equals(trimmed)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a configured level: {@code L1}, {@code L2}, {@code L3}, {@code SpidL3} or the full URI.
     *
     * @param text the configured text
     * @return the level, or empty when the text names none
     */
    public static Optional<CieLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace("SPID", "");
        for (CieLevel level : values()) {
            if (level.name().equals(normalised)) {
                return Optional.of(level);
            }
        }
        return fromUri(text);
    }
}
