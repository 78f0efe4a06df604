package io.github.cieservlet.testidp.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.XmlSigner;
import io.github.cieservlet.testidp.idp.EidasAttributeSets;
import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.idp.IdpScheme;
import io.github.cieservlet.testidp.request.ReplyTo;
import io.github.cieservlet.testidp.testing.TestSp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

/** The Responses of the SPID and FICEP test IdPs: SPID shape, the attributes per service, every error outcome. */
class SpidResponseBuilderTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00.123Z");
    private static final IdpEndpoints SPID = new IdpEndpoints(IdpScheme.SPID, "http://localhost:8080/portale");
    private static final IdpEndpoints FICEP = new IdpEndpoints(IdpScheme.FICEP, "http://localhost:8080/portale");
    private static final IdpCredentials KEY = IdpCredentials.generate(Clock.systemUTC());
    private static final ReplyTo TO = new ReplyTo(TestSp.ENTITY_ID, TestSp.ACS_URL, "_req1", "r3l4y");

    private final ResponseBuilder spid = builder(SPID);
    private final ResponseBuilder ficep = builder(FICEP);

    private static ResponseBuilder builder(IdpEndpoints idp) {
        return new ResponseBuilder(idp, new XmlSigner(KEY.privateKey(), KEY.certificate()), Clock.fixed(NOW,
                ZoneOffset.UTC));
    }

    @Test
    void successHasTheSpidShapeAndBothSignatures() throws Exception {
        Response response = parse(spid.success(TO, TestSp.SPID_ATTRIBUTES_0, SpidTestPerson.MARIO_ROSSI, CieLevel.L2));
        assertSignedBy(response);
        Assertion assertion = response.getAssertions().get(0);
        assertSignedBy(assertion);
        assertThat(response.getIssuer().getValue()).isEqualTo(SPID.entityId())
                .isEqualTo("http://localhost:8080/portale/cie-test-idp/spid");
        assertThat(response.getIssuer().getFormat()).isEqualTo(NameIDType.ENTITY);
        assertThat(assertion.getIssuer().getFormat()).isEqualTo(NameIDType.ENTITY);
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        NameID nameId = assertion.getSubject().getNameID();
        assertThat(nameId.getFormat()).isEqualTo(NameIDType.TRANSIENT);
        assertThat(nameId.getNameQualifier()).isEqualTo(SPID.entityId());
        assertThat(assertion.getAuthnStatements().get(0).getAuthnContext().getAuthnContextClassRef().getURI())
                .isEqualTo("https://www.spid.gov.it/SpidL2");
        assertThat(assertion.getConditions().getAudienceRestrictions().get(0).getAudiences().get(0).getURI())
                .isEqualTo(TestSp.ENTITY_ID);
    }

    @Test
    void releasesExactlyTheRequestedAttributesInSpidFormats() throws Exception {
        String xml = spid.success(TO, List.of("fiscalNumber", "dateOfBirth", "spidCode", "gender"),
                SpidTestPerson.MARIO_ROSSI, CieLevel.L3);
        Map<String, String> attributes = attributes(parse(xml).getAssertions().get(0));
        assertThat(attributes).containsExactly(Map.entry("fiscalNumber", "TINIT-RSSMRA80A01H501U"),
                Map.entry("dateOfBirth", "1980-01-01"), Map.entry("spidCode", "TSTD0000000001"),
                Map.entry("gender", "M"));
        assertThat(xml).contains("xsi:type=\"xsd:date\"", "xsi:type=\"xsd:string\"")
                .doesNotContain("FriendlyName");
    }

    @Test
    void anAttributeThePersonLacksIsLeftOut() throws Exception {
        Map<String, String> attributes = attributes(parse(spid.success(TO, List.of("name", "mobilePhone"),
                SpidTestPerson.ANNA_MARIA_BIANCHI, CieLevel.L1)).getAssertions().get(0));
        assertThat(attributes).containsExactly(Map.entry("name", "Anna Maria"));
    }

    @Test
    void withoutRequestedAttributesThereIsNoAttributeStatement() throws Exception {
        Assertion assertion = parse(spid.success(TO, List.of(), SpidTestPerson.GIUSEPPE_D_ANGELO, CieLevel.L1))
                .getAssertions().get(0);
        assertThat(assertion.getAttributeStatements()).isEmpty();
    }

    static Stream<Outcome> spidErrorOutcomes() {
        return Outcome.offeredAt(IdpScheme.SPID).stream().filter(outcome -> outcome.errorCode().isPresent());
    }

    @ParameterizedTest
    @MethodSource("spidErrorOutcomes")
    void eachErrorOutcomeIsASignedResponderAuthnFailedWithItsErrorCode(Outcome outcome) throws Exception {
        ErrorCode code = outcome.errorCode().orElseThrow();
        Response response = parse(spid.error(TO, code));
        assertSignedBy(response);
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.RESPONDER);
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue()).isEqualTo(StatusCode.AUTHN_FAILED);
        assertThat(response.getStatus().getStatusMessage().getValue()).isEqualTo(code.statusMessage())
                .matches("ErrorCode nr(19|20|21|22|23|25|30)");
        assertThat(response.getAssertions()).isEmpty();
        assertThat(response.getInResponseTo()).isEqualTo("_req1");
        assertThat(response.getIssuer().getFormat()).isEqualTo(NameIDType.ENTITY);
    }

    @Test
    void spidOffersEveryUserErrorCodeAndCieKeepsItsOwn() {
        assertThat(spidErrorOutcomes().map(outcome -> outcome.errorCode().orElseThrow().label()))
                .containsExactly("nr19", "nr20", "nr21", "nr22", "nr23", "nr25", "nr30");
        assertThat(Outcome.offeredAt(IdpScheme.FICEP)).isEqualTo(Outcome.offeredAt(IdpScheme.SPID));
        assertThat(Outcome.offeredAt(IdpScheme.CIE)).containsExactly(Outcome.SUCCESS, Outcome.TIMEOUT,
                Outcome.CONSENT_DENIED, Outcome.CARD_EXPIRED_OR_REVOKED, Outcome.CANCELLED);
        assertThat(ErrorCode.NR23.description(IdpScheme.SPID)).contains("identità").doesNotContain("CIE");
        assertThat(ErrorCode.NR23.description(IdpScheme.CIE)).contains("CIE");
    }

    @Test
    void ficepReleasesTheMinimumSetAndLeavesOutTheFiscalNumberOfAForeigner() throws Exception {
        Map<String, String> italian = attributes(parse(ficep.success(TO, EidasAttributeSets.MINIMUM,
                EidasTestPerson.LUCIA_ESPOSITO, CieLevel.L2)).getAssertions().get(0));
        assertThat(italian).containsOnlyKeys("spidCode", "name", "familyName", "dateOfBirth", "fiscalNumber")
                .containsEntry("fiscalNumber", "TINIT-SPSLCU85M41H501L");
        Map<String, String> foreign = attributes(parse(ficep.success(TO, EidasAttributeSets.MINIMUM,
                EidasTestPerson.HANS_MUELLER, CieLevel.L2)).getAssertions().get(0));
        assertThat(foreign).containsOnlyKeys("spidCode", "name", "familyName", "dateOfBirth")
                .containsEntry("spidCode", "DE/IT/5A1B2C3D4E5F60718293").containsEntry("familyName", "Müller");
    }

    @Test
    void ficepReleasesTheFullSetForIndex100() throws Exception {
        Response response = parse(ficep.success(TO, EidasAttributeSets.FULL, EidasTestPerson.HANS_MUELLER,
                CieLevel.L3));
        assertThat(response.getIssuer().getValue()).isEqualTo("http://localhost:8080/portale/cie-test-idp/ficep");
        assertThat(attributes(response.getAssertions().get(0))).containsOnlyKeys("spidCode", "name", "familyName",
                "dateOfBirth", "placeOfBirth", "address", "gender").containsEntry("placeOfBirth", "Z112");
    }

    private static Map<String, String> attributes(Assertion assertion) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Attribute attribute : assertion.getAttributeStatements().get(0).getAttributes()) {
            assertThat(attribute.getNameFormat()).isEqualTo(Attribute.BASIC);
            assertThat(attribute.getAttributeValues()).hasSize(1);
            values.put(attribute.getName(), attribute.getAttributeValues().get(0).getDOM().getTextContent());
        }
        return values;
    }

    private static Response parse(String xml) throws Exception {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), Response.class);
    }

    private static void assertSignedBy(SignableSAMLObject object) throws SignatureException {
        assertThat(object.getSignature()).as("signature of " + object.getElementQName()).isNotNull();
        new SAMLSignatureProfileValidator().validate(object.getSignature());
        SignatureValidator.validate(object.getSignature(), new BasicX509Credential(KEY.certificate()));
    }
}
