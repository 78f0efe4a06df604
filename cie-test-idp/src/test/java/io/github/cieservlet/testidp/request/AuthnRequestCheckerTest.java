package io.github.cieservlet.testidp.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.RedirectBinding;
import io.github.cieservlet.saml.SamlObjects;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.XmlSigner;
import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.testing.TestSp;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Scoping;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

class AuthnRequestCheckerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00.123Z");
    private static final IdpEndpoints IDP = new IdpEndpoints("http://localhost:8080/portale");
    private static final String POST_SSO = IDP.ssoUrl(RequestBinding.POST);
    private static final String REDIRECT_SSO = IDP.ssoUrl(RequestBinding.REDIRECT);
    private static final String RELAY = "r3l4y";

    private final StubSource source = new StubSource(TestSp.metadata(TestSp.key().certificate()));
    private final AuthnRequestChecker checker = new AuthnRequestChecker(IDP, source, Clock.fixed(NOW, ZoneOffset.UTC));

    // --- accepted requests

    @Test
    void acceptsAWellFormedPostRequest() throws Exception {
        AuthnRequest request = TestSp.validRequest(POST_SSO, NOW);
        ValidRequest valid = checker.checkPost(TestSp.signedPost(request, TestSp.key()), RELAY);
        assertThat(valid.replyTo()).isEqualTo(new ReplyTo(TestSp.ENTITY_ID, TestSp.ACS_URL, request.getID(), RELAY));
        assertThat(valid.requestedLevel()).isEqualTo(CieLevel.L3);
        assertThat(valid.comparison()).isEqualTo(Comparison.MINIMUM);
        assertThat(source.refreshes).isZero();
    }

    @Test
    void acceptsAWellFormedRedirectRequestWithoutRelayState() throws Exception {
        AuthnRequest request = TestSp.validRequest(REDIRECT_SSO, NOW);
        ValidRequest valid = checker.checkRedirect(TestSp.redirectQuery(SecureXml.toXml(request), null, TestSp.key()));
        assertThat(valid.replyTo()).isEqualTo(new ReplyTo(TestSp.ENTITY_ID, TestSp.ACS_URL, request.getID(), null));
    }

    @Test
    void acceptsAnAcsNamedByUrlAndAnExactLowerLevel() throws Exception {
        AuthnRequest request = TestSp.validRequest(POST_SSO, NOW.minus(Duration.ofMinutes(2)));
        request.setAssertionConsumerServiceIndex(null);
        request.setAssertionConsumerServiceURL(TestSp.OTHER_ACS_URL);
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        request.setRequestedAuthnContext(TestSp.requestedAuthnContext(null, CieLevel.L2.uri()));
        ValidRequest valid = checker.checkPost(TestSp.signedPost(request, TestSp.key()), RELAY);
        assertThat(valid.replyTo().acsUrl()).isEqualTo(TestSp.OTHER_ACS_URL);
        assertThat(valid.requestedLevel()).isEqualTo(CieLevel.L2);
        assertThat(valid.comparison()).isEqualTo(Comparison.EXACT);
    }

    @Test
    void readsTheMetadataAgainWhenTheServiceProviderHasANewKey() throws Exception {
        source.next = TestSp.metadata(TestSp.otherKey().certificate());
        AuthnRequest request = TestSp.validRequest(POST_SSO, NOW);
        ValidRequest valid = checker.checkPost(TestSp.signedPost(request, TestSp.otherKey()), RELAY);
        assertThat(valid.replyTo().inResponseTo()).isEqualTo(request.getID());
        assertThat(source.refreshes).isEqualTo(1);
    }

    // --- nr08-nr18: answered with an error Response to the service provider

    static Stream<Arguments> brokenRequests() {
        return Stream.of(
                broken(ErrorCode.NR09, "Version 1.1", r -> r.setVersion(SAMLVersion.VERSION_11)),
                broken(ErrorCode.NR13, "IssueInstant missing", r -> r.setIssueInstant(null)),
                broken(ErrorCode.NR13, "IssueInstant 4 minutes old", r -> r.setIssueInstant(NOW.minus(Duration.ofMinutes(4)))),
                broken(ErrorCode.NR13, "IssueInstant 4 minutes ahead", r -> r.setIssueInstant(NOW.plus(Duration.ofMinutes(4)))),
                broken(ErrorCode.NR14, "Destination missing", r -> r.setDestination(null)),
                broken(ErrorCode.NR14, "Destination of the other binding", r -> r.setDestination(REDIRECT_SSO)),
                broken(ErrorCode.NR14, "Destination = metadata URL", r -> r.setDestination(IDP.metadataUrl())),
                broken(ErrorCode.NR08, "Scoping present",
                        r -> r.setScoping(SamlObjects.build(Scoping.DEFAULT_ELEMENT_NAME, Scoping.class))),
                broken(ErrorCode.NR08, "ForceAuthn missing", r -> r.setForceAuthn((Boolean) null)),
                broken(ErrorCode.NR15, "IsPassive true", r -> r.setIsPassive(Boolean.TRUE)),
                broken(ErrorCode.NR16, "ACS index not in metadata", r -> r.setAssertionConsumerServiceIndex(7)),
                broken(ErrorCode.NR16, "ACS index of a Redirect ACS", r -> r.setAssertionConsumerServiceIndex(2)),
                broken(ErrorCode.NR16, "no ACS reference", r -> r.setAssertionConsumerServiceIndex(null)),
                broken(ErrorCode.NR16, "ACS URL not in metadata", r -> {
                    r.setAssertionConsumerServiceIndex(null);
                    r.setAssertionConsumerServiceURL("https://evil.example/acs");
                }),
                broken(ErrorCode.NR16, "ACS index and URL together", r -> r.setAssertionConsumerServiceURL(TestSp.ACS_URL)),
                broken(ErrorCode.NR16, "ACS URL with Redirect ProtocolBinding", r -> {
                    r.setAssertionConsumerServiceIndex(null);
                    r.setAssertionConsumerServiceURL(TestSp.ACS_URL);
                    r.setProtocolBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
                }),
                broken(ErrorCode.NR17, "NameIDPolicy missing", r -> r.setNameIDPolicy(null)),
                broken(ErrorCode.NR17, "NameIDPolicy persistent", r -> r.getNameIDPolicy().setFormat(NameIDType.PERSISTENT)),
                broken(ErrorCode.NR17, "NameIDPolicy AllowCreate", r -> r.getNameIDPolicy().setAllowCreate(Boolean.TRUE)),
                broken(ErrorCode.NR18, "AttributeConsumingServiceIndex missing", r -> r.setAttributeConsumingServiceIndex(null)),
                broken(ErrorCode.NR18, "AttributeConsumingServiceIndex not in metadata",
                        r -> r.setAttributeConsumingServiceIndex(3)),
                broken(ErrorCode.NR12, "RequestedAuthnContext missing", r -> r.setRequestedAuthnContext(null)),
                broken(ErrorCode.NR12, "Comparison better", r -> r.setRequestedAuthnContext(TestSp.requestedAuthnContext(
                        AuthnContextComparisonTypeEnumeration.BETTER, CieLevel.L2.uri()))),
                broken(ErrorCode.NR12, "two class refs", r -> r.setRequestedAuthnContext(TestSp.requestedAuthnContext(
                        AuthnContextComparisonTypeEnumeration.MINIMUM, CieLevel.L2.uri(), CieLevel.L3.uri()))),
                broken(ErrorCode.NR12, "legacy class ref", r -> r.setRequestedAuthnContext(TestSp.requestedAuthnContext(
                        AuthnContextComparisonTypeEnumeration.MINIMUM, "urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL2"))));
    }

    private static Arguments broken(ErrorCode code, String what, Consumer<AuthnRequest> breaker) {
        return arguments(code, what, breaker);
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("brokenRequests")
    void aBrokenPostRequestIsAnsweredWithItsErrorCode(ErrorCode code, String what, Consumer<AuthnRequest> breaker) {
        AuthnRequest request = TestSp.validRequest(POST_SSO, NOW);
        breaker.accept(request);
        RequestRefusedException refused = refusedPost(TestSp.signedPost(request, TestSp.key()));
        assertThat(refused.code()).isEqualTo(code);
        assertThat(code.returnedToServiceProvider()).isTrue();
        String expectedAcs = "ACS index and URL together".equals(what) ? TestSp.ACS_URL
                : refused.replyTo().orElseThrow().acsUrl();
        assertThat(refused.replyTo()).contains(new ReplyTo(TestSp.ENTITY_ID, expectedAcs, request.getID(), RELAY));
        assertThat(expectedAcs).isIn(TestSp.ACS_URL, TestSp.OTHER_ACS_URL);
    }

    @Test
    void anErrorAboutTheAcsGoesToTheDefaultAcs() {
        AuthnRequest request = TestSp.validRequest(POST_SSO, NOW);
        request.setAssertionConsumerServiceIndex(7);
        assertThat(refusedPost(TestSp.signedPost(request, TestSp.key())).replyTo().orElseThrow().acsUrl())
                .isEqualTo(TestSp.ACS_URL);
    }

    @Test
    void anErrorAfterAValidAcsGoesToThatAcs() {
        AuthnRequest request = TestSp.validRequest(POST_SSO, NOW);
        request.setAssertionConsumerServiceIndex(1);
        request.setIsPassive(Boolean.TRUE);
        RequestRefusedException refused = refusedPost(TestSp.signedPost(request, TestSp.key()));
        assertThat(refused.code()).isEqualTo(ErrorCode.NR15);
        assertThat(refused.replyTo().orElseThrow().acsUrl()).isEqualTo(TestSp.OTHER_ACS_URL);
    }

    @Test
    void missingVersionIsNr09() {
        String xml = SecureXml.toXml(TestSp.validRequest(REDIRECT_SSO, NOW)).replace(" Version=\"2.0\"", "");
        assertThat(xml).doesNotContain("Version=");
        assertThat(refusedRedirect(TestSp.redirectQuery(xml, RELAY, TestSp.key())).code()).isEqualTo(ErrorCode.NR09);
    }

    @Test
    void missingIdIsNr11AndAnswersWithoutInResponseTo() {
        AuthnRequest request = TestSp.validRequest(REDIRECT_SSO, NOW);
        String xml = SecureXml.toXml(request).replace(" ID=\"" + request.getID() + "\"", "");
        RequestRefusedException refused = refusedRedirect(TestSp.redirectQuery(xml, RELAY, TestSp.key()));
        assertThat(refused.code()).isEqualTo(ErrorCode.NR11);
        assertThat(refused.replyTo()).contains(new ReplyTo(TestSp.ENTITY_ID, TestSp.ACS_URL, null, RELAY));
    }

    @Test
    void anIdThatIsNotAnXmlIdIsNr11() {
        AuthnRequest request = TestSp.validRequest(REDIRECT_SSO, NOW);
        String xml = SecureXml.toXml(request).replace(request.getID(), "123-starts-with-a-digit");
        assertThat(refusedRedirect(TestSp.redirectQuery(xml, RELAY, TestSp.key())).code()).isEqualTo(ErrorCode.NR11);
    }

    // --- nr02, nr04, nr05, nr07, nr10: shown on the IdP error page

    @Test
    void postWithoutSamlRequestIsNr04() {
        assertShown(catchRefused(() -> checker.checkPost(null, RELAY)), ErrorCode.NR04);
        assertShown(catchRefused(() -> checker.checkPost(" ", RELAY)), ErrorCode.NR04);
    }

    @Test
    void undecodableOrForeignPostRequestIsNr04() {
        assertShown(refusedPost("%%%not-base64%%%"), ErrorCode.NR04);
        assertShown(refusedPost(TestSp.base64("<samlp:AuthnRequest")), ErrorCode.NR04);
        assertShown(refusedPost(TestSp.base64(TestSp.metadataXml(TestSp.key().certificate(), TestSp.ACS_URL))),
                ErrorCode.NR04);
        assertShown(refusedPost(TestSp.base64("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_a\">&e;"
                + "</samlp:AuthnRequest>")), ErrorCode.NR04);
    }

    @Test
    void overlongRelayStateIsNr04() {
        String relayState = "x".repeat(AuthnRequestChecker.MAX_RELAY_STATE_CHARS + 1);
        assertShown(catchRefused(() -> checker.checkPost(TestSp.signedPost(TestSp.validRequest(POST_SSO, NOW),
                TestSp.key()), relayState)), ErrorCode.NR04);
    }

    @Test
    void redirectWithoutSignatureParametersIsNr04() {
        String query = TestSp.redirectQuery(SecureXml.toXml(TestSp.validRequest(REDIRECT_SSO, NOW)), RELAY, TestSp.key());
        assertShown(refusedRedirect(query.replaceAll("&Signature=[^&]*", "")), ErrorCode.NR04);
        assertShown(refusedRedirect(query.replaceAll("&SigAlg=[^&]*", "")), ErrorCode.NR04);
        assertShown(refusedRedirect(query + "&SAMLRequest=again"), ErrorCode.NR04);
        assertShown(refusedRedirect(null), ErrorCode.NR04);
        assertShown(refusedRedirect("SAMLRequest=" + RedirectBinding.urlEncode(TestSp.base64("not deflated"))
                + "&SigAlg=x&Signature=y"), ErrorCode.NR04);
    }

    @Test
    void unsignedPostRequestIsNr07() {
        String unsigned = TestSp.base64(SecureXml.toXml(TestSp.validRequest(POST_SSO, NOW)));
        assertShown(refusedPost(unsigned), ErrorCode.NR07);
    }

    @Test
    void postRequestSignedWithAnUnknownKeyIsNr07EvenAfterReadingTheMetadataAgain() {
        RequestRefusedException refused = refusedPost(TestSp.signedPost(TestSp.validRequest(POST_SSO, NOW),
                TestSp.otherKey()));
        assertShown(refused, ErrorCode.NR07);
        assertThat(source.refreshes).isEqualTo(1);
    }

    @Test
    void postRequestAlteredAfterSigningIsNr07() {
        AuthnRequest request = TestSp.validRequest(POST_SSO, NOW);
        new XmlSigner(TestSp.key().privateKey(), TestSp.key().certificate()).sign(request);
        String altered = SecureXml.toXml(request).replace(CieLevel.L3.uri(), CieLevel.L1.uri());
        assertShown(refusedPost(TestSp.base64(altered)), ErrorCode.NR07);
    }

    @Test
    void postRequestSignedWithRsaSha1IsNr07() {
        String value = TestSp.signedPost(TestSp.validRequest(POST_SSO, NOW), TestSp.key(),
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA256);
        assertShown(refusedPost(value), ErrorCode.NR07);
    }

    @Test
    void postRequestWithASha1DigestIsNr07() {
        String value = TestSp.signedPost(TestSp.validRequest(POST_SSO, NOW), TestSp.key(),
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA1);
        assertShown(refusedPost(value), ErrorCode.NR07);
    }

    @Test
    void postRequestSignedWithRsaSha512IsAccepted() throws Exception {
        AuthnRequest request = TestSp.validRequest(POST_SSO, NOW);
        String value = TestSp.signedPost(request, TestSp.key(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
                SignatureConstants.ALGO_ID_DIGEST_SHA512);
        assertThat(checker.checkPost(value, RELAY).replyTo().inResponseTo()).isEqualTo(request.getID());
    }

    @Test
    void redirectRequestWithAnEnvelopedSignatureIsNr05() {
        AuthnRequest request = TestSp.validRequest(REDIRECT_SSO, NOW);
        new XmlSigner(TestSp.key().privateKey(), TestSp.key().certificate()).sign(request);
        assertShown(refusedRedirect(TestSp.redirectQuery(SecureXml.toXml(request), RELAY, TestSp.key())), ErrorCode.NR05);
    }

    @Test
    void redirectQuerySignedWithAnUnknownKeyOrAlteredIsNr05() {
        String xml = SecureXml.toXml(TestSp.validRequest(REDIRECT_SSO, NOW));
        assertShown(refusedRedirect(TestSp.redirectQuery(xml, RELAY, TestSp.otherKey())), ErrorCode.NR05);
        String query = TestSp.redirectQuery(xml, RELAY, TestSp.key());
        assertShown(refusedRedirect(query.replace("RelayState=" + RELAY, "RelayState=other")), ErrorCode.NR05);
    }

    @Test
    void wrongIssuerIsNr10() {
        AuthnRequest request = TestSp.validRequest(POST_SSO, NOW);
        request.getIssuer().setValue("https://other.example.it/sp");
        assertShown(refusedPost(TestSp.signedPost(request, TestSp.key())), ErrorCode.NR10);

        AuthnRequest badFormat = TestSp.validRequest(POST_SSO, NOW);
        badFormat.getIssuer().setFormat(NameIDType.PERSISTENT);
        assertShown(refusedPost(TestSp.signedPost(badFormat, TestSp.key())), ErrorCode.NR10);

        AuthnRequest none = TestSp.validRequest(POST_SSO, NOW);
        none.setIssuer(null);
        assertShown(refusedPost(TestSp.signedPost(none, TestSp.key())), ErrorCode.NR10);
    }

    @Test
    void unreadableServiceProviderMetadataIsNr02() {
        source.failure = new IOException("connection refused");
        RequestRefusedException refused = refusedPost(TestSp.signedPost(TestSp.validRequest(POST_SSO, NOW),
                TestSp.key()));
        assertShown(refused, ErrorCode.NR02);
        assertThat(refused.getMessage()).contains("connection refused");
    }

    private RequestRefusedException refusedPost(String samlRequest) {
        return catchRefused(() -> checker.checkPost(samlRequest, RELAY));
    }

    private RequestRefusedException refusedRedirect(String query) {
        return catchRefused(() -> checker.checkRedirect(query));
    }

    private static RequestRefusedException catchRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        RequestRefusedException refused = catchThrowableOfType(RequestRefusedException.class, call);
        assertThat(refused).as("the request should have been refused").isNotNull();
        return refused;
    }

    private static void assertShown(RequestRefusedException refused, ErrorCode code) {
        assertThat(refused.code()).as(refused.getMessage()).isEqualTo(code);
        assertThat(refused.replyTo()).isEmpty();
        assertThat(code.returnedToServiceProvider()).isFalse();
    }

    /** Metadata held in memory; {@link #next} becomes current on refresh, as after an SP restart. */
    private static final class StubSource implements SpMetadataSource {
        private SpMetadata current;
        private SpMetadata next;
        private IOException failure;
        private int refreshes;

        StubSource(SpMetadata metadata) {
            this.current = metadata;
        }

        @Override
        public SpMetadata current() throws IOException {
            if (failure != null) {
                throw failure;
            }
            return current;
        }

        @Override
        public SpMetadata refresh() throws IOException {
            refreshes++;
            if (next != null) {
                current = next;
            }
            return current();
        }
    }
}
