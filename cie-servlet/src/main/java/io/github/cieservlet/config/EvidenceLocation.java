package io.github.cieservlet.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Where the evidence of logins is kept ({@code cie.evidence}): a container DataSource named in JNDI
 * ({@code jndi:java:comp/env/jdbc/cie}), a directory ({@code file:/var/lib/portale/cie-evidence}), or
 * {@code none} (the service provider then does not meet its duty to keep evidence). Immutable.
 */
public final class EvidenceLocation {

    /** The kinds of location. */
    public enum Kind {
        /** {@code cie.evidence} is not set: no evidence, WARN at startup. */
        UNSET,
        /** {@code cie.evidence=none}: no evidence, explicitly; WARN at startup. */
        NONE,
        /** A JNDI DataSource. */
        JNDI,
        /** A directory of files. */
        FILE
    }

    /** No location configured. */
    public static final EvidenceLocation UNSET = new EvidenceLocation(Kind.UNSET, "");

    private final Kind kind;
    private final String value;

    private EvidenceLocation(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * @param text the value of {@code cie.evidence}
     * @return the location
     * @throws IllegalArgumentException with a message that says what to write instead
     */
    public static EvidenceLocation parse(String text) {
        Objects.requireNonNull(text, "text");
        if ("none".equals(text)) {
            return new EvidenceLocation(Kind.NONE, "");
        }
        if (text.startsWith("jndi:")) {
            String name = text.substring("jndi:".length()).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("jndi: needs the DataSource's JNDI name, e.g."
                        + " jndi:java:comp/env/jdbc/cie");
            }
            return new EvidenceLocation(Kind.JNDI, name);
        }
        if (text.startsWith("file:")) {
            String path = text.substring("file:".length());
            if (!path.startsWith("/") && !path.matches("[A-Za-z]:[\\\\/].*")) {
                throw new IllegalArgumentException("file: needs an absolute directory path, e.g."
                        + " file:/var/lib/portale/cie-evidence");
            }
            return new EvidenceLocation(Kind.FILE, path);
        }
        throw new IllegalArgumentException("'" + text + "' is not valid; use jndi:java:comp/env/jdbc/<name> (a"
                + " container DataSource), file:/absolute/directory, or none");
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the JNDI name (kind JNDI) */
    public String jndiName() {
        return value;
    }

    /** @return the directory (kind FILE) */
    public Path directory() {
        return Paths.get(value);
    }

    /** @return whether evidence is kept */
    public boolean keepsEvidence() {
        return kind == Kind.JNDI || kind == Kind.FILE;
    }

    @Override
    public String toString() {
        switch (kind) {
            case JNDI: return "jndi:" + value;
            case FILE: return "file:" + value;
            case NONE: return "none";
            default: return "(not set)";
        }
    }
}
