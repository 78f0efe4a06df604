package io.github.cieservlet.saml.spid;

import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.logging.Causes;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.AtomicFiles;
import io.github.cieservlet.saml.SamlXmlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The official list of SPID identity providers: the AgID registry's signed aggregate of their metadata
 * ({@link #REGISTRY_URL}). {@link #load()} reads the registry (or another configured location); when that
 * fails it falls back to the last good copy on disk, and without one to the bundled dated list
 * ({@link #SNAPSHOT_DATE}), which names the identity providers for the button but carries no metadata, so
 * logins wait for the registry. Every document read must pass {@link SpidMetadataDocument} (with the signer
 * pins, when given). Immutable; each {@code load()} reads anew, so the caller decides how often.
 */
public final class SpidRegistry {

    /** The AgID registry's aggregate of the SPID identity providers' metadata. */
    public static final String REGISTRY_URL = "https://registry.spid.gov.it/metadata/idp/spid-entities-idps.xml";

    /** The date of the bundled list of identity providers (see its README for its sources). */
    public static final LocalDate SNAPSHOT_DATE = LocalDate.of(2023, 7, 3);

    private static final Log LOG = Log.of(SpidRegistry.class);

    private final ResourceLocation source;
    private final Path lastGoodCopy;
    private final Set<String> signerPins;
    private final ClassLoader loader;
    private final Clock clock;

    /**
     * @param source where the aggregate is read, usually {@link #REGISTRY_URL}
     * @param lastGoodCopy where the last document that passed is kept, or null for none
     * @param signerPins SHA-256 fingerprints of the certificates that may sign the aggregate; empty: an unsigned
     *        document is accepted (the HTTPS connection to the registry is then the only protection)
     * @param loader the class loader for {@code classpath:} sources
     * @param clock the clock for {@code validUntil}
     */
    public SpidRegistry(ResourceLocation source, Path lastGoodCopy, Set<String> signerPins, ClassLoader loader,
            Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.lastGoodCopy = lastGoodCopy;
        this.signerPins = Set.copyOf(signerPins);
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param lastGoodCopy where the last good aggregate is kept, or null for none
     * @param signerPins SHA-256 fingerprints of the registry's signing certificates; empty for none
     * @return the registry at {@link #REGISTRY_URL}
     */
    public static SpidRegistry official(Path lastGoodCopy, Set<String> signerPins) {
        return new SpidRegistry(ResourceLocation.parse(REGISTRY_URL), lastGoodCopy, signerPins,
                SpidRegistry.class.getClassLoader(), Clock.systemUTC());
    }

    /**
     * Reads the identity providers: from the source, else the last good copy, else the bundled list. Never
     * throws for an unreachable or refused source; each fallback is logged at WARN.
     *
     * @return the identity providers and where they came from
     */
    public SpidIdps load() {
        Exception failure;
        try {
            byte[] document = source.read(loader);
            List<SpidIdpEntry> entries = SpidMetadataDocument.parse(document, signerPins, clock.instant());
            saveLastGood(document);
            LOG.info("SPID identity providers loaded from {}: {}", source, entries.size());
            return SpidIdps.withMetadata(SpidIdps.Origin.REGISTRY, entries);
        } catch (IOException | SamlXmlException | RuntimeException e) {
            failure = e;
        }
        Optional<SpidIdps> copy = lastGood(failure);
        if (copy.isPresent()) {
            return copy.get();
        }
        LOG.warn("cannot load the SPID identity providers from {} ({}) and there is no last good copy: showing the"
                + " bundled list of {} without metadata; SPID logins fail until the registry answers", source,
                Causes.describe(failure), SNAPSHOT_DATE);
        return SpidIdps.namesOnly(SpidIdpSnapshot.read());
    }

    private Optional<SpidIdps> lastGood(Exception sourceFailure) {
        if (lastGoodCopy == null || !Files.isRegularFile(lastGoodCopy)) {
            return Optional.empty();
        }
        try {
            List<SpidIdpEntry> entries = SpidMetadataDocument.parse(Files.readAllBytes(lastGoodCopy), signerPins,
                    clock.instant());
            LOG.warn("cannot load the SPID identity providers from {} ({}); using the last good copy {}", source,
                    Causes.describe(sourceFailure), lastGoodCopy);
            return Optional.of(SpidIdps.withMetadata(SpidIdps.Origin.LAST_GOOD_COPY, entries));
        } catch (IOException | SamlXmlException | RuntimeException e) {
            LOG.warn("the last good copy {} of the SPID identity providers cannot be used either: {}", lastGoodCopy,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private void saveLastGood(byte[] document) {
        if (lastGoodCopy == null) {
            return;
        }
        try {
            AtomicFiles.replace(lastGoodCopy, document);
        } catch (IOException e) {
            LOG.warn("cannot keep the last good copy of the SPID identity providers in {}: {}", lastGoodCopy,
                    e.toString());
        }
    }
}
