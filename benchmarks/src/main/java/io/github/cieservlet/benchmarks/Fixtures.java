package io.github.cieservlet.benchmarks;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.Environment;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.config.SpContact;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.config.SpEndpoints;
import io.github.cieservlet.config.SpOrganization;
import io.github.cieservlet.config.SubjectType;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.saml.SamlIds;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.validation.ResponseValidator;
import io.github.cieservlet.saml.XmlSigner;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.request.ReplyTo;
import io.github.cieservlet.testidp.response.ResponseBuilder;
import io.github.cieservlet.testidp.response.TestCitizen;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.opensaml.saml.saml2.core.Response;

/**
 * One service provider and the local test IdP, as the benchmarks see them: keys made here (RSA, in memory),
 * settings of a public-administration SP on loopback, and one successful Response of the test IdP
 * ({@link ResponseBuilder}: Assertion signed, then Response signed, RSA-2048) answering a pending login.
 * The clock is fixed one second after the Response was issued, so the Response stays valid for the whole run.
 */
final class Fixtures {

    static final String BASE_URL = "http://127.0.0.1:8080/portale";
    static final String ENTITY_ID = "http://127.0.0.1:8080/portale/cie";
    static final String TARGET = "/area-riservata/";

    final Instant issued = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    final Clock clock = Clock.fixed(issued.plusSeconds(1), ZoneOffset.UTC);
    final IdpEndpoints idpEndpoints = new IdpEndpoints(BASE_URL);
    final IdpCredentials idpKey = IdpCredentials.generate(clock);
    final CieSettings settings;
    final IdpMetadata idp;
    final PendingRequest pending;
    final String responseXml;
    /** The {@code SAMLResponse} form value as the browser posts it. */
    final String responseFormValue;

    /** @param spKeyBits the SP key size (2048 or 3072) */
    Fixtures(int spKeyBits) {
        IdpCredentials spKey = IdpCredentials.generate(clock, spKeyBits);
        settings = CieSettings.builder()
                .environment(Environment.LOCAL)
                .entityId(ENTITY_ID)
                .endpoints(new SpEndpoints(BASE_URL, "/cie"))
                .idpMetadataLocation(ResourceLocation.parse(idpEndpoints.metadataUrl()))
                .credentials(new SpCredentials(spKey.privateKey(), spKey.certificate()))
                .serviceName("Servizi online del Comune di Esempio")
                .organization(new SpOrganization("Comune di Esempio", "Comune di Esempio", "https://www.comune.example.it"))
                .contact(new SpContact(SubjectType.PUBLIC, "c_x999", null, null, null, null, "X999", "RM", "IT",
                        "protocollo@comune.example.it", "+39061234567"))
                .build();
        idp = new IdpMetadata(idpEndpoints.entityId(),
                Map.of(RequestBinding.POST, idpEndpoints.ssoUrl(RequestBinding.POST),
                        RequestBinding.REDIRECT, idpEndpoints.ssoUrl(RequestBinding.REDIRECT)),
                idpEndpoints.sloRedirectUrl(), List.of(idpKey.certificate()));
        String requestId = SamlIds.newId();
        pending = new PendingRequest(requestId, issued.minusSeconds(5), CieLevel.L2, LevelComparison.MINIMUM, TARGET,
                idpEndpoints.ssoUrl(RequestBinding.POST), RequestBinding.POST, issued.plus(Duration.ofMinutes(10)));
        responseXml = new ResponseBuilder(idpEndpoints, new XmlSigner(idpKey.privateKey(), idpKey.certificate()),
                Clock.fixed(issued, ZoneOffset.UTC))
                .success(new ReplyTo(ENTITY_ID, settings.endpoints().acsUrl(), requestId, "relay"),
                        TestCitizen.MARIO_ROSSI, CieLevel.L2);
        responseFormValue = Base64.getEncoder().encodeToString(responseXml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return a validator with every check, whose replay cache answers "first use" every time, so that the one
     *     Response can be validated again and again (a real cache adds one concurrent-map insertion)
     */
    ResponseValidator validator() {
        return new ResponseValidator(ENTITY_ID, acsUrl(), settings.clockSkew(), clock, (id, expiry) -> true);
    }

    /**
     * @param validator a validator of {@link #validator()}
     * @return the citizen of the Response, from its {@code SAMLResponse} form value, after every check
     * @throws CieAuthenticationException when refused
     * @throws SamlXmlException when not parsed
     */
    CieIdentity consume(ResponseValidator validator) throws CieAuthenticationException, SamlXmlException {
        byte[] xml = Base64.getMimeDecoder().decode(responseFormValue);
        Response response = SecureXml.parse(xml, Response.class);
        return validator.validate(response, pending, idp).identity();
    }

    /**
     * Runs an operation a fixed number of times before JMH's own (timed) warm-up, so that the code measured is
     * compiled even when a loaded machine gives the benchmark little CPU during the warm-up seconds.
     *
     * @param times how many runs
     * @param operation the benchmark's operation
     * @throws Exception what the operation throws
     */
    static void warmUp(int times, Operation operation) throws Exception {
        for (int i = 0; i < times; i++) {
            operation.run();
        }
    }

    /** @param params the fork's benchmark @return the name of the method it measures, e.g. {@code acs} */
    static String measured(org.openjdk.jmh.infra.BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** A benchmark operation. */
    interface Operation {
        /** @throws Exception what it throws */
        void run() throws Exception;
    }

    /** @return the ACS URL, the Response's Destination and Recipient */
    String acsUrl() {
        return settings.endpoints().acsUrl();
    }
}
