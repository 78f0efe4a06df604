package io.github.cieservlet.testidp.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.XmlSigner;
import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.request.ReplyTo;
import io.github.cieservlet.testidp.testing.TestSp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

class ResponseBuilderTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00.123Z");
    private static final IdpEndpoints IDP = new IdpEndpoints("http://localhost:8080/portale");
    private static final IdpCredentials IDP_KEY = IdpCredentials.generate(Clock.systemUTC());
    private static final ReplyTo TO = new ReplyTo(TestSp.ENTITY_ID, TestSp.ACS_URL, "_req1", "r3l4y");

    private final ResponseBuilder builder = new ResponseBuilder(IDP,
            new XmlSigner(IDP_KEY.privateKey(), IDP_KEY.certificate()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void successLooksLikeTheMinistrysResponse() throws Exception {
        String xml = builder.success(TO, TestCitizen.MARIO_ROSSI, CieLevel.L2);
        Response response = parse(xml);

        assertThat(response.getID()).startsWith("_");
        assertThat(response.getVersion()).isEqualTo(SAMLVersion.VERSION_20);
        assertThat(response.getIssueInstant()).isEqualTo(NOW);
        assertThat(response.getInResponseTo()).isEqualTo("_req1");
        assertThat(response.getDestination()).isEqualTo(TestSp.ACS_URL);
        assertThat(response.getIssuer().getValue()).isEqualTo(IDP.entityId());
        assertThat(response.getIssuer().getFormat()).isNull();
        assertThat(response.getIssuer().getDOM().hasAttribute("Format")).isFalse();
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(response.getStatus().getStatusMessage()).isNull();
        assertThat(response.getAssertions()).hasSize(1);
        assertThat(response.getEncryptedAssertions()).isEmpty();

        Assertion assertion = response.getAssertions().get(0);
        assertThat(assertion.getID()).startsWith("_").isNotEqualTo(response.getID());
        assertThat(assertion.getIssueInstant()).isEqualTo(NOW);
        assertThat(assertion.getIssuer().getValue()).isEqualTo(IDP.entityId());
        assertThat(assertion.getIssuer().getFormat()).isEqualTo(NameIDType.ENTITY);

        NameID nameId = assertion.getSubject().getNameID();
        assertThat(nameId.getFormat()).isEqualTo(NameIDType.TRANSIENT);
        assertThat(nameId.getNameQualifier()).isEqualTo(IDP.entityId());
        assertThat(nameId.getSPNameQualifier()).isEqualTo(TestSp.ENTITY_ID);
        assertThat(nameId.getValue()).matches("_[0-9a-f]{32}");
        SubjectConfirmation confirmation = assertion.getSubject().getSubjectConfirmations().get(0);
        assertThat(confirmation.getMethod()).isEqualTo(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = confirmation.getSubjectConfirmationData();
        assertThat(data.getRecipient()).isEqualTo(TestSp.ACS_URL);
        assertThat(data.getInResponseTo()).isEqualTo("_req1");
        assertThat(data.getNotOnOrAfter()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));

        assertThat(assertion.getConditions().getNotBefore()).isEqualTo(NOW);
        assertThat(assertion.getConditions().getNotOnOrAfter()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(assertion.getConditions().getAudienceRestrictions()).singleElement()
                .satisfies(r -> assertThat(r.getAudiences()).singleElement()
                        .satisfies(a -> assertThat(a.getURI()).isEqualTo(TestSp.ENTITY_ID)));

        AuthnStatement authn = assertion.getAuthnStatements().get(0);
        assertThat(authn.getAuthnInstant()).isEqualTo(NOW);
        assertThat(authn.getSessionIndex()).isNotBlank();
        assertThat(authn.getAuthnContext().getAuthnContextClassRef().getURI()).isEqualTo(CieLevel.L2.uri());

        Map<String, String> attributes = new LinkedHashMap<>();
        for (Attribute attribute : assertion.getAttributeStatements().get(0).getAttributes()) {
            assertThat(attribute.getNameFormat()).isEqualTo(Attribute.BASIC);
            assertThat(attribute.getAttributeValues()).singleElement().isInstanceOf(XSString.class);
            attributes.put(attribute.getName() + "/" + attribute.getFriendlyName(),
                    ((XSString) attribute.getAttributeValues().get(0)).getValue());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name/Nome", "MARIO");
        expected.put("familyName/Cognome", "ROSSI");
        expected.put("dateOfBirth/Data di Nascita", "1980-01-01");
        expected.put("fiscalNumber/Codice Fiscale", "TINIT-RSSMRA80A01H501U");
        assertThat(attributes).containsExactlyEntriesOf(expected);
        assertThat(xml).contains("xsi:type=\"xsd:string\"");
    }

    @Test
    void theAssertionAndTheResponseAreBothSignedWithTheIdpKey() throws Exception {
        Response response = parse(builder.success(TO, TestCitizen.ANNA_MARIA_D_ANGELO, CieLevel.L3));
        assertSignedBy(response, IDP_KEY);
        assertSignedBy(response.getAssertions().get(0), IDP_KEY);
        IdpCredentials other = TestSp.otherKey();
        assertThatThrownBy(() -> SignatureValidator.validate(response.getSignature(),
                new BasicX509Credential(other.certificate()))).isInstanceOf(SignatureException.class);
    }

    @Test
    void aFailedAuthenticationIsASignedResponderAuthnFailedWithoutAssertion() throws Exception {
        Response response = parse(builder.error(TO, ErrorCode.NR22));
        assertSignedBy(response, IDP_KEY);
        assertThat(response.getInResponseTo()).isEqualTo("_req1");
        assertThat(response.getDestination()).isEqualTo(TestSp.ACS_URL);
        assertThat(response.getIssuer().getFormat()).isNull();
        StatusCode top = response.getStatus().getStatusCode();
        assertThat(top.getValue()).isEqualTo(StatusCode.RESPONDER);
        assertThat(top.getStatusCode().getValue()).isEqualTo(StatusCode.AUTHN_FAILED);
        assertThat(response.getStatus().getStatusMessage().getValue()).isEqualTo("ErrorCode nr22");
        assertThat(response.getAssertions()).isEmpty();
    }

    @Test
    void aBadRequestIsASignedRequesterErrorEvenWithoutRequestId() throws Exception {
        Response response = parse(builder.error(new ReplyTo(TestSp.ENTITY_ID, TestSp.ACS_URL, null, null),
                ErrorCode.NR14));
        assertSignedBy(response, IDP_KEY);
        assertThat(response.getInResponseTo()).isNull();
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.REQUESTER);
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue())
                .isEqualTo(StatusCode.REQUEST_UNSUPPORTED);
        assertThat(response.getStatus().getStatusMessage().getValue()).isEqualTo("ErrorCode nr14");

        Response noSubStatus = parse(builder.error(TO, ErrorCode.NR08));
        assertThat(noSubStatus.getStatus().getStatusCode().getStatusCode()).isNull();
    }

    private static Response parse(String xml) throws Exception {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), Response.class);
    }

    private static void assertSignedBy(SignableSAMLObject object, IdpCredentials key) throws SignatureException {
        assertThat(object.getSignature()).as("signature of " + object.getElementQName()).isNotNull();
        new SAMLSignatureProfileValidator().validate(object.getSignature());
        SignatureValidator.validate(object.getSignature(), new BasicX509Credential(key.certificate()));
    }
}
