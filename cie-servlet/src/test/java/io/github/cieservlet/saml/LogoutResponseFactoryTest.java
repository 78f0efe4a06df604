package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.StatusCode;

class LogoutResponseFactoryTest {

    private static final Instant NOW = Instant.parse("2026-02-02T12:00:00.987654Z");

    private final LogoutResponseFactory factory = new LogoutResponseFactory(TestSettings.settings());

    @Test
    void responseIsASuccessAnsweringTheRequest() {
        LogoutResponse response = factory.create("_resp", "_req", NOW, IdpMetadataXml.SLO_REDIRECT);
        assertThat(response.getID()).isEqualTo("_resp");
        assertThat(response.getVersion()).isEqualTo(SAMLVersion.VERSION_20);
        assertThat(response.getIssueInstant()).isEqualTo(Instant.parse("2026-02-02T12:00:00.987Z"));
        assertThat(response.getInResponseTo()).isEqualTo("_req");
        assertThat(response.getDestination()).isEqualTo(IdpMetadataXml.SLO_REDIRECT);
        assertThat(response.getIssuer().getValue()).isEqualTo(TestSettings.ENTITY_ID);
        assertThat(response.getIssuer().getFormat()).isEqualTo(NameIDType.ENTITY);
        assertThat(response.getIssuer().getNameQualifier()).isEqualTo(TestSettings.ENTITY_ID);
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(response.getSignature()).isNull();
    }

    @Test
    void redirectQueryIsSignedBySpAndCarriesTheResponse() throws Exception {
        LogoutResponse response = factory.create(SamlIds.newId(), "_req", NOW, IdpMetadataXml.SLO_REDIRECT);
        String query = factory.redirectQuery(response, "rs-1");
        assertThat(query).startsWith("SAMLResponse=").contains("&RelayState=rs-1&SigAlg=");
        assertThat(RedirectBinding.verify(query, "SAMLResponse", List.of(TestCredentials.sp().certificate()))).isTrue();
        assertThat(RedirectBinding.verify(query, "SAMLResponse", List.of(TestCredentials.idp().certificate()))).isFalse();

        Map<String, String> params = RedirectBinding.rawParameters(query);
        byte[] xml = RedirectBinding.decodeAndInflate(URLDecoder.decode(params.get("SAMLResponse"), StandardCharsets.UTF_8),
                100_000);
        LogoutResponse sent = SecureXml.parse(xml, LogoutResponse.class);
        assertThat(sent.getID()).isEqualTo(response.getID());
        assertThat(sent.getInResponseTo()).isEqualTo("_req");
        assertThat(sent.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(sent.getSignature()).isNull();
    }

    @Test
    void refusalCarriesTheTopAndSecondLevelStatus() {
        LogoutResponse response = factory.create("_resp", "_req", NOW, IdpMetadataXml.SLO_REDIRECT, StatusCode.REQUESTER,
                StatusCode.REQUEST_DENIED);
        assertThat(response.getInResponseTo()).isEqualTo("_req");
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.REQUESTER);
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue()).isEqualTo(StatusCode.REQUEST_DENIED);
    }
}
