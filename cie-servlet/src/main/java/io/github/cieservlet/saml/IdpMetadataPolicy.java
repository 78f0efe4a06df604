package io.github.cieservlet.saml;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What new IdP metadata must satisfy before it replaces the metadata in use, and where the last good copy is
 * kept: never metadata past its {@code validUntil}, never another entity ID than the one in use, never a
 * signing key outside {@code cie.idpCertificatePins} when pins are set. (Metadata that does not parse or has no
 * signing key never gets this far: the parser refuses it.) Immutable.
 */
public final class IdpMetadataPolicy {

    /** No pins, no disk copy. */
    public static final IdpMetadataPolicy NONE = new IdpMetadataPolicy(Set.of(), null);

    private final Set<String> pins;
    private final Path cacheFile;

    /**
     * @param pins SHA-256 fingerprints of the accepted signing certificates, hex with or without colons; empty:
     *        any key the metadata names
     * @param cacheFile where the last good document is kept, or null
     */
    public IdpMetadataPolicy(Set<String> pins, Path cacheFile) {
        this.pins = pins.stream().map(IdpMetadataPolicy::normalize).collect(Collectors.toUnmodifiableSet());
        this.cacheFile = cacheFile;
    }

    /**
     * @param fingerprint a fingerprint as written by people (colons, spaces, any case)
     * @return lower-case hex
     */
    public static String normalize(String fingerprint) {
        return fingerprint.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
    }

    /**
     * @param certificate a certificate
     * @return its SHA-256 fingerprint, upper-case hex with colons (as openssl prints it)
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            StringBuilder text = new StringBuilder();
            for (byte b : digest) {
                text.append(text.length() == 0 ? "" : ":").append(String.format("%02X", b & 0xff));
            }
            return text.toString();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** @return where the last good document is kept */
    public Optional<Path> cacheFile() {
        return Optional.ofNullable(cacheFile);
    }

    /**
     * @param candidate newly read metadata
     * @return the signing certificates of the candidate outside the pins (empty without pins)
     */
    public Set<String> unpinned(IdpMetadata candidate) {
        if (pins.isEmpty()) {
            return Set.of();
        }
        return candidate.signingCertificates().stream().map(IdpMetadataPolicy::fingerprint)
                .filter(f -> !pins.contains(normalize(f))).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param candidate newly read metadata
     * @param current the metadata in use, or null
     * @param now the current time
     * @return why the candidate must not replace the current metadata, or empty when it may
     */
    public Optional<String> refusal(IdpMetadata candidate, IdpMetadata current, Instant now) {
        if (candidate.validUntil().isPresent() && !candidate.validUntil().get().isAfter(now)) {
            return Optional.of("it expired at " + candidate.validUntil().get() + " (validUntil)");
        }
        if (current != null && !current.entityId().equals(candidate.entityId())) {
            return Optional.of("it names the entity " + candidate.entityId() + ", not " + current.entityId());
        }
        Set<String> outside = unpinned(candidate);
        if (!outside.isEmpty()) {
            return Optional.of("its signing certificate " + String.join(", ", outside)
                    + " is not in cie.idpCertificatePins");
        }
        return Optional.empty();
    }
}
