package io.github.cieservlet.config;

import io.github.cieservlet.testing.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Named web.xml context-param sets for the configuration tests. */
public final class ConfigFixtures {

    public static final String PASSWORD = "test-password";

    private ConfigFixtures() {
    }

    /**
     * @param dir a temporary directory for the keystore
     * @return a complete, valid public-subject configuration for preproduction
     */
    public static Map<String, String> validPublic(Path dir) {
        Map<String, String> params = new HashMap<>();
        params.put("cie.environment", "preproduction");
        params.put("cie.entityId", "https://servizi.comune.example.it/cie");
        params.put("cie.publicBaseUrl", "https://servizi.comune.example.it/portale/");
        params.put("cie.keystore", keystore(dir).toString());
        params.put("cie.keystorePassword", PASSWORD);
        params.put("cie.organizationName", "Comune di Esempio");
        params.put("cie.organizationDisplayName", "Comune di Esempio");
        params.put("cie.organizationUrl", "https://www.comune.example.it");
        params.put("cie.subjectType", "public");
        params.put("cie.ipaCode", "c_x999");
        params.put("cie.municipality", "X999");
        params.put("cie.contactEmail", "protocollo@comune.example.it");
        return params;
    }

    public static Path keystore(Path dir) {
        Path file = dir.resolve("sp.p12");
        if (!Files.exists(file)) {
            try {
                Files.write(file, TestCredentials.pkcs12(TestCredentials.sp(), "sp", PASSWORD.toCharArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
