package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.NOW;
import static io.github.cieservlet.saml.validation.TestResponses.confirmationData;
import static io.github.cieservlet.saml.validation.TestResponses.idp;
import static io.github.cieservlet.saml.validation.TestResponses.pending;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.CieSettingsReader;
import io.github.cieservlet.config.ParamSource;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.saml.saml2.core.Response;

/**
 * Behind a reverse proxy the server sees {@code http://127.0.0.1:8080} while the citizen's browser sees
 * {@code https://portal.example}: every URL the SP publishes and every URL it expects is the public one, read
 * from {@code cie.publicBaseUrl} only (never from the request), so a Response addressed to the internal URL
 * is refused.
 */
class ReverseProxyTest {

    private static final String PUBLIC = "https://portal.example";
    private static final String INTERNAL = "http://127.0.0.1:8080";

    @TempDir
    Path dir;

    private CieServiceProvider provider;

    @BeforeEach
    void readSettingsLikeTheListener() throws Exception {
        Path keystore = dir.resolve("sp.p12");
        Files.write(keystore, TestCredentials.pkcs12(TestCredentials.sp(), "sp", "secret".toCharArray()));
        Path idpMetadata = dir.resolve("idp-metadata.xml");
        Files.writeString(idpMetadata, "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>",
                StandardCharsets.UTF_8);
        Map<String, String> params = new HashMap<>();
        params.put("cie.environment", "preproduction");
        params.put("cie.idpMetadata", "file:" + idpMetadata);
        params.put("cie.entityId", TestSettings.ENTITY_ID);
        params.put("cie.publicBaseUrl", PUBLIC);
        params.put("cie.keystore", keystore.toString());
        params.put("cie.keystorePassword", "secret");
        params.put("cie.organizationName", "Comune di Esempio");
        params.put("cie.organizationDisplayName", "Comune di Esempio");
        params.put("cie.organizationUrl", "https://www.comune.example.it");
        params.put("cie.subjectType", "public");
        params.put("cie.ipaCode", "c_x999");
        params.put("cie.municipality", "X999");
        params.put("cie.contactEmail", "protocollo@comune.example.it");
        CieSettings settings = new CieSettingsReader(new ParamSource(params, Map.of(), Map.of()),
                getClass().getClassLoader(), Clock.systemUTC()).read();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC); // the time of the TestResponses fixture
        provider = new CieServiceProvider(settings, clock, getClass().getClassLoader(), List.of());
    }

    @Test
    void endpointsAndMetadataLocationsAreThePublicHttpsUrls() {
        assertThat(provider.settings().endpoints().acsUrl()).isEqualTo(PUBLIC + "/cie/acs");
        assertThat(provider.settings().endpoints().isHttps()).isTrue();
        Matcher locations = Pattern.compile("Location=\"([^\"]*)\"").matcher(provider.spMetadataXml());
        int count = 0;
        while (locations.find()) {
            assertThat(locations.group(1)).startsWith(PUBLIC + "/cie/");
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(2);
        assertThat(provider.spMetadataXml()).doesNotContain("127.0.0.1", "http://portal.example");
    }

    @Test
    void responseToThePublicAcsIsAccepted() throws Exception {
        Response response = addressedTo(PUBLIC + "/cie/acs");

        assertThat(provider.responseValidator().validate(response, pending(), idp()).responseId()).isNotBlank();
    }

    @Test
    void responseToTheInternalUrlIsRefused() {
        Response response = addressedTo(INTERNAL + "/cie/acs");

        CieAuthenticationException refusal = catchThrowableOfType(CieAuthenticationException.class,
                () -> provider.responseValidator().validate(response, pending(), idp()));
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_DESTINATION);
    }

    @Test
    void responseToThePublicHostOverPlainHttpIsRefused() {
        Response response = addressedTo("http://portal.example/cie/acs");

        CieAuthenticationException refusal = catchThrowableOfType(CieAuthenticationException.class,
                () -> provider.responseValidator().validate(response, pending(), idp()));
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_DESTINATION);
    }

    private static Response addressedTo(String acs) {
        return response().edit(r -> {
            r.setDestination(acs);
            confirmationData(r.getAssertions().get(0)).setRecipient(acs);
        }).received();
    }
}
