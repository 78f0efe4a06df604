package io.github.cieservlet.testidp.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.SamlObjects;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testidp.idp.EidasAttributeSets;
import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.idp.IdpScheme;
import io.github.cieservlet.testidp.testing.TestSp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.Scoping;

/**
 * The AuthnRequest checks of the SPID and FICEP test IdPs: what the SPID rules accept that CIE refuses, and each
 * SPID rule refusing a request that breaks it alone (the request is broken before it is signed).
 */
class SpidAuthnRequestCheckerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00.123Z");
    private static final IdpEndpoints SPID = new IdpEndpoints(IdpScheme.SPID, "http://localhost:8080/portale");
    private static final IdpEndpoints FICEP = new IdpEndpoints(IdpScheme.FICEP, "http://localhost:8080/portale");
    private static final String SSO = SPID.ssoUrl(RequestBinding.POST);
    private static final String RELAY = "r3l4y";

    private final AuthnRequestChecker spid = checker(SPID);
    private final AuthnRequestChecker ficep = checker(FICEP);

    private static AuthnRequestChecker checker(IdpEndpoints idp) {
        SpMetadata metadata = TestSp.spidMetadata(TestSp.key().certificate());
        return new AuthnRequestChecker(idp, new SpMetadataSource() {
            @Override
            public SpMetadata current() {
                return metadata;
            }

            @Override
            public SpMetadata refresh() {
                return metadata;
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theSsoUrlServesBothBindingsAndIsNotTheEntityId() {
        assertThat(SPID.ssoUrl(RequestBinding.REDIRECT)).isEqualTo(SSO)
                .isEqualTo("http://localhost:8080/portale/cie-test-idp/spid/sso");
        assertThat(SPID.entityId()).isEqualTo("http://localhost:8080/portale/cie-test-idp/spid");
        assertThat(FICEP.entityId()).isEqualTo("http://localhost:8080/portale/cie-test-idp/ficep");
    }

    @Test
    void acceptsAWellFormedPostRequestWithTheAttributesOfItsService() throws Exception {
        AuthnRequest request = TestSp.validSpidRequest(SSO, NOW);
        ValidRequest valid = spid.checkPost(TestSp.signedPost(request, TestSp.key()), RELAY);
        assertThat(valid.replyTo()).isEqualTo(new ReplyTo(TestSp.ENTITY_ID, TestSp.ACS_URL, request.getID(), RELAY));
        assertThat(valid.requestedLevel()).isEqualTo(CieLevel.L2);
        assertThat(valid.comparison()).isEqualTo(Comparison.MINIMUM);
        assertThat(valid.attributeConsumingServiceIndex()).isZero();
        assertThat(valid.requestedAttributes()).isEqualTo(TestSp.SPID_ATTRIBUTES_0);
    }

    @Test
    void acceptsAWellFormedRedirectRequestOnTheSameUrl() throws Exception {
        AuthnRequest request = TestSp.validSpidRequest(SSO, NOW);
        request.setAttributeConsumingServiceIndex(1);
        ValidRequest valid = spid.checkRedirect(TestSp.redirectQuery(SecureXml.toXml(request), null, TestSp.key()));
        assertThat(valid.requestedAttributes()).containsExactly("spidCode", "email");
    }

    static Stream<Arguments> acceptedBySpid() {
        return Stream.of(
                arguments("SpidL1 minimum without ForceAuthn", (Consumer<AuthnRequest>) r -> {
                    r.setForceAuthn((Boolean) null);
                    r.setRequestedAuthnContext(TestSp.requestedAuthnContext(
                            AuthnContextComparisonTypeEnumeration.MINIMUM, CieLevel.L1.uri()));
                }),
                arguments("SpidL1 maximum without ForceAuthn", (Consumer<AuthnRequest>) r -> {
                    r.setForceAuthn(Boolean.FALSE);
                    r.setRequestedAuthnContext(TestSp.requestedAuthnContext(
                            AuthnContextComparisonTypeEnumeration.MAXIMUM, CieLevel.L1.uri()));
                }),
                arguments("SpidL2 better", (Consumer<AuthnRequest>) r -> r.setRequestedAuthnContext(
                        TestSp.requestedAuthnContext(AuthnContextComparisonTypeEnumeration.BETTER, CieLevel.L2.uri()))),
                arguments("SpidL3 exact", (Consumer<AuthnRequest>) r -> r.setRequestedAuthnContext(
                        TestSp.requestedAuthnContext(AuthnContextComparisonTypeEnumeration.EXACT, CieLevel.L3.uri()))),
                arguments("Scoping (ignored)", (Consumer<AuthnRequest>) r -> r.setScoping(
                        SamlObjects.build(Scoping.DEFAULT_ELEMENT_NAME, Scoping.class))),
                arguments("NameIDPolicy AllowCreate", (Consumer<AuthnRequest>) r ->
                        r.getNameIDPolicy().setAllowCreate(Boolean.TRUE)),
                arguments("ACS URL with ProtocolBinding HTTP-POST", (Consumer<AuthnRequest>) r -> {
                    r.setAssertionConsumerServiceIndex(null);
                    r.setAssertionConsumerServiceURL(TestSp.ACS_URL);
                    r.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedBySpid")
    void acceptsWhatSpidAllowsAndCieRefuses(String what, Consumer<AuthnRequest> change) throws Exception {
        AuthnRequest request = TestSp.validSpidRequest(SSO, NOW);
        change.accept(request);
        ValidRequest valid = spid.checkPost(TestSp.signedPost(request, TestSp.key()), RELAY);
        assertThat(valid.replyTo().inResponseTo()).isEqualTo(request.getID());
    }

    @Test
    void withoutAttributeConsumingServiceIndexNoAttributeIsReleased() throws Exception {
        AuthnRequest request = TestSp.validSpidRequest(SSO, NOW);
        request.setAttributeConsumingServiceIndex(null);
        ValidRequest valid = spid.checkPost(TestSp.signedPost(request, TestSp.key()), RELAY);
        assertThat(valid.attributeConsumingServiceIndex()).isNull();
        assertThat(valid.requestedAttributes()).isEmpty();
    }

    static Stream<Arguments> brokenSpidRequests() {
        return Stream.of(
                broken(ErrorCode.NR14, "Destination = entity ID", r -> r.setDestination(SPID.entityId())),
                broken(ErrorCode.NR14, "Destination = the CIE IdP", r -> r.setDestination(
                        new IdpEndpoints("http://localhost:8080/portale").ssoUrl(RequestBinding.POST))),
                broken(ErrorCode.NR08, "SpidL2 minimum without ForceAuthn", r -> r.setForceAuthn((Boolean) null)),
                broken(ErrorCode.NR08, "SpidL3 exact with ForceAuthn false", r -> {
                    r.setForceAuthn(Boolean.FALSE);
                    r.setRequestedAuthnContext(TestSp.requestedAuthnContext(
                            AuthnContextComparisonTypeEnumeration.EXACT, CieLevel.L3.uri()));
                }),
                broken(ErrorCode.NR08, "SpidL1 better without ForceAuthn", r -> {
                    r.setForceAuthn((Boolean) null);
                    r.setRequestedAuthnContext(TestSp.requestedAuthnContext(
                            AuthnContextComparisonTypeEnumeration.BETTER, CieLevel.L1.uri()));
                }),
                broken(ErrorCode.NR12, "SpidL3 better (no such level)", r -> r.setRequestedAuthnContext(
                        TestSp.requestedAuthnContext(AuthnContextComparisonTypeEnumeration.BETTER, CieLevel.L3.uri()))),
                broken(ErrorCode.NR12, "legacy class ref", r -> r.setRequestedAuthnContext(TestSp.requestedAuthnContext(
                        AuthnContextComparisonTypeEnumeration.MINIMUM, "urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL2"))),
                broken(ErrorCode.NR12, "RequestedAuthnContext missing", r -> r.setRequestedAuthnContext(null)),
                broken(ErrorCode.NR16, "ACS URL without ProtocolBinding", r -> {
                    r.setAssertionConsumerServiceIndex(null);
                    r.setAssertionConsumerServiceURL(TestSp.ACS_URL);
                }),
                broken(ErrorCode.NR16, "ACS index with ProtocolBinding",
                        r -> r.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI)),
                broken(ErrorCode.NR16, "ACS index not in metadata", r -> r.setAssertionConsumerServiceIndex(1)),
                broken(ErrorCode.NR18, "AttributeConsumingServiceIndex not in metadata",
                        r -> r.setAttributeConsumingServiceIndex(5)),
                broken(ErrorCode.NR17, "NameIDPolicy missing", r -> r.setNameIDPolicy(null)),
                broken(ErrorCode.NR15, "IsPassive true", r -> r.setIsPassive(Boolean.TRUE)));
    }

    private static Arguments broken(ErrorCode code, String what, Consumer<AuthnRequest> breaker) {
        return arguments(code, what, breaker);
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("brokenSpidRequests")
    void aBrokenSpidRequestIsAnsweredWithItsErrorCode(ErrorCode code, String what, Consumer<AuthnRequest> breaker) {
        AuthnRequest request = TestSp.validSpidRequest(SSO, NOW);
        breaker.accept(request);
        RequestRefusedException refused = refused(spid, TestSp.signedPost(request, TestSp.key()));
        assertThat(refused.code()).as(refused.getMessage()).isEqualTo(code);
        assertThat(refused.replyTo()).contains(new ReplyTo(TestSp.ENTITY_ID, TestSp.ACS_URL, request.getID(), RELAY));
    }

    @Test
    void anIssuerWithoutFormatIsNr10() {
        AuthnRequest request = TestSp.validSpidRequest(SSO, NOW);
        request.getIssuer().setFormat(null);
        RequestRefusedException refused = refused(spid, TestSp.signedPost(request, TestSp.key()));
        assertThat(refused.code()).isEqualTo(ErrorCode.NR10);
        assertThat(refused.replyTo()).isEmpty();
        assertThat(refused.getMessage()).contains("Format");
    }

    @Test
    void anIssuerWithoutNameQualifierIsNr10() {
        AuthnRequest request = TestSp.validSpidRequest(SSO, NOW);
        Issuer issuer = request.getIssuer();
        issuer.setNameQualifier(null);
        RequestRefusedException refused = refused(spid, TestSp.signedPost(request, TestSp.key()));
        assertThat(refused.code()).isEqualTo(ErrorCode.NR10);
        assertThat(refused.getMessage()).contains("NameQualifier");
    }

    @Test
    void aRequestSignedWithAKeyNotInTheSpidMetadataIsNr07() {
        RequestRefusedException refused = refused(spid,
                TestSp.signedPost(TestSp.validSpidRequest(SSO, NOW), TestSp.otherKey()));
        assertThat(refused.code()).isEqualTo(ErrorCode.NR07);
        assertThat(refused.replyTo()).isEmpty();
    }

    @Test
    void aRedirectQuerySignedWithAnotherKeyIsNr05() {
        String query = TestSp.redirectQuery(SecureXml.toXml(TestSp.validSpidRequest(SSO, NOW)), RELAY,
                TestSp.otherKey());
        RequestRefusedException refused = catchThrowableOfType(RequestRefusedException.class,
                () -> spid.checkRedirect(query));
        assertThat(refused.code()).isEqualTo(ErrorCode.NR05);
    }

    @Test
    void ficepReleasesTheMinimumSetFor99AndTheFullSetFor100() throws Exception {
        String ficepSso = FICEP.ssoUrl(RequestBinding.POST);
        AuthnRequest minimum = TestSp.validSpidRequest(ficepSso, NOW);
        minimum.setAttributeConsumingServiceIndex(99);
        assertThat(ficep.checkPost(TestSp.signedPost(minimum, TestSp.key()), RELAY).requestedAttributes())
                .containsExactly("spidCode", "name", "familyName", "dateOfBirth", "fiscalNumber");
        AuthnRequest full = TestSp.validSpidRequest(ficepSso, NOW);
        full.setAttributeConsumingServiceIndex(100);
        assertThat(ficep.checkPost(TestSp.signedPost(full, TestSp.key()), RELAY).requestedAttributes())
                .isEqualTo(EidasAttributeSets.FULL).contains("placeOfBirth", "address", "gender");
    }

    @Test
    void ficepRefusesAnIndexOtherThan99Or100AndAMissingOne() {
        String ficepSso = FICEP.ssoUrl(RequestBinding.POST);
        AuthnRequest spidIndex = TestSp.validSpidRequest(ficepSso, NOW);
        RequestRefusedException refused = refused(ficep, TestSp.signedPost(spidIndex, TestSp.key()));
        assertThat(refused.code()).isEqualTo(ErrorCode.NR18);
        assertThat(refused.getMessage()).contains("99", "100");
        AuthnRequest none = TestSp.validSpidRequest(ficepSso, NOW);
        none.setAttributeConsumingServiceIndex(null);
        assertThat(refused(ficep, TestSp.signedPost(none, TestSp.key())).code()).isEqualTo(ErrorCode.NR18);
    }

    @Test
    void aRequestForTheSpidIdpIsRefusedByFicep() {
        AuthnRequest request = TestSp.validSpidRequest(SSO, NOW);
        request.setAttributeConsumingServiceIndex(99);
        assertThat(refused(ficep, TestSp.signedPost(request, TestSp.key())).code()).isEqualTo(ErrorCode.NR14);
    }

    private static RequestRefusedException refused(AuthnRequestChecker checker, String samlRequest) {
        RequestRefusedException refused = catchThrowableOfType(RequestRefusedException.class,
                () -> checker.checkPost(samlRequest, RELAY));
        assertThat(refused).as("the request should have been refused").isNotNull();
        return refused;
    }
}
