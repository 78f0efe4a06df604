package io.github.cieservlet.saml.spid;

import io.github.cieservlet.SpidIdentityProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bundled dated list of SPID identity providers ({@value #RESOURCE}): entity IDs and organisation
 * names only, one {@code entityID<TAB>name} a line, {@code #} comments. See the README next to it for its
 * provenance.
 */
final class SpidIdpSnapshot {

    /** The classpath resource. */
    static final String RESOURCE = "io/github/cieservlet/saml/spid/spid-idps-snapshot.txt";

    private SpidIdpSnapshot() {
    }

    /** @return the bundled identity providers, in file order */
    static List<SpidIdentityProvider> read() {
        try (InputStream in = SpidIdpSnapshot.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled SPID IdP list " + RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled SPID IdP list " + RESOURCE, e);
        }
    }

    static List<SpidIdentityProvider> parse(BufferedReader lines) throws IOException {
        List<SpidIdentityProvider> found = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalStateException("bad line in the bundled SPID IdP list: " + line);
            }
            found.add(new SpidIdentityProvider(fields[0].trim(), fields[1].trim(), null));
        }
        return List.copyOf(found);
    }
}
