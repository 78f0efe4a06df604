package io.github.cieservlet.sample;

import io.github.cieservlet.CieAuthenticationEvent;
import io.github.cieservlet.CieAuthenticationListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * Keeps the evidence of every CIE login, as service providers must: the signed Response exactly as received
 * and the AuthnRequest it answers, one pair of files per login, named after the Response ID, in the folder of
 * the system property {@value #DIRECTORY_PROPERTY} (default: {@code cie-sample-evidence} in the temporary
 * folder). A real portal would write to protected, retained storage; the files hold personal data.
 */
public final class EvidenceArchive implements CieAuthenticationListener {

    /**
     * System property naming the folder, e.g. {@code -Dsample.evidenceDir=/var/lib/portal/evidence}. Not under
     * {@code cie.}: the library reserves that prefix and stops the deployment on a {@code cie.*} name it does
     * not know (a typo guard).
     */
    public static final String DIRECTORY_PROPERTY = "sample.evidenceDir";

    @Override
    public void onAuthentication(CieAuthenticationEvent event) throws IOException {
        Path directory = Paths.get(System.getProperty(DIRECTORY_PROPERTY,
                Paths.get(System.getProperty("java.io.tmpdir"), "cie-sample-evidence").toString()));
        Files.createDirectories(directory);
        String name = event.getResponseId().replaceAll("[^A-Za-z0-9_-]", "_");
        Files.write(directory.resolve(name + "-response.xml"), event.getResponseXml().getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE_NEW);
        Files.write(directory.resolve(name + "-request.xml"), event.getAuthnRequestXml().getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE_NEW);
    }
}
