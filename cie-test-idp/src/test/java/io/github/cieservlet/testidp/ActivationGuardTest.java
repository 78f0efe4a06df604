package io.github.cieservlet.testidp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.config.ParamSource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationGuardTest {

    @Test
    void localOnLocalhostIsActiveWithTheServiceProviderMetadataUrl() {
        ActivationGuard.Decision decision = decide("local", "http://localhost:8080/portale/", null);
        assertThat(decision.active()).isTrue();
        assertThat(decision.publicBaseUrl()).isEqualTo("http://localhost:8080/portale");
        assertThat(decision.spMetadataUrl()).isEqualTo("http://localhost:8080/portale/cie/metadata");
    }

    @Test
    void theServiceProviderPathPrefixIsFollowed() {
        assertThat(decide("LOCAL", "https://127.0.0.1:8443", "/accesso").spMetadataUrl())
                .isEqualTo("https://127.0.0.1:8443/accesso/metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost", "http://LOCALHOST:8080/x", "http://127.0.0.1:8080", "http://127.3.2.1",
        "http://[::1]:8080/app"})
    void loopbackHostsAreAccepted(String baseUrl) {
        assertThat(decide("local", baseUrl, null).active()).as(baseUrl).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://comune.example.it/portale", "http://10.0.0.5:8080", "http://192.168.1.2",
        "http://localhost.example.com", "http://127.0.0.1.nip.io", "http://localhost@evil.example/",
        "ftp://localhost/", "localhost:8080", "http://[::2]/", "not a url", "http://cafe:8080/", "http://dead/",
        "http://127.1/", "http://0x7f000001/", "http://[::ffff:192.0.2.2]/"})
    void otherHostsAreRefused(String baseUrl) {
        ActivationGuard.Decision decision = decide("local", baseUrl, null);
        assertThat(decision.active()).as(baseUrl).isFalse();
        assertThat(decision.publicBaseUrl()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "preproduction", "locale", ""})
    void otherEnvironmentsAreRefusedEvenOnLocalhost(String environment) {
        ActivationGuard.Decision decision = decide(environment, "http://localhost:8080", null);
        assertThat(decision.active()).isFalse();
        assertThat(decision.reason()).contains("not local");
    }

    @Test
    void aMissingBaseUrlIsRefused() {
        assertThat(decide("local", null, null).active()).isFalse();
    }

    @Test
    void environmentVariablesAndSystemPropertiesOverrideWebXmlAsForTheServiceProvider() {
        Map<String, String> webXml = Map.of("cie.environment", "production", "cie.publicBaseUrl", "http://localhost");
        assertThat(ActivationGuard.decide(new ParamSource(webXml, Map.of("CIE_ENVIRONMENT", "local"), Map.of()))
                .active()).isTrue();
        assertThat(ActivationGuard.decide(new ParamSource(webXml, Map.of("CIE_ENVIRONMENT", "local"),
                Map.of("cie.environment", "production"))).active()).isFalse();
        assertThat(ActivationGuard.decide(new ParamSource(Map.of("cie.environment", "local", "cie.publicBaseUrl",
                "${env:BASE}"), Map.of("BASE", "http://127.0.0.1:9090"), Map.of())).publicBaseUrl())
                .isEqualTo("http://127.0.0.1:9090");
    }

    @Test
    void anUnresolvedPlaceholderIsRefused() {
        assertThat(ActivationGuard.decide(new ParamSource(Map.of("cie.environment", "local", "cie.publicBaseUrl",
                "http://localhost${env:MISSING}"), Map.of(), Map.of())).active()).isFalse();
    }

    private static ActivationGuard.Decision decide(String environment, String baseUrl, String prefix) {
        Map<String, String> params = new HashMap<>();
        params.put("cie.environment", environment);
        if (baseUrl != null) {
            params.put("cie.publicBaseUrl", baseUrl);
        }
        if (prefix != null) {
            params.put("cie.pathPrefix", prefix);
        }
        return ActivationGuard.decide(new ParamSource(params, Map.of(), Map.of()));
    }
}
