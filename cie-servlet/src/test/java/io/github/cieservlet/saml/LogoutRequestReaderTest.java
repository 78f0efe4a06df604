package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.store.InMemoryReplayCache;
import io.github.cieservlet.store.ReplayCache;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;

class LogoutRequestReaderTest {

    private static final String SLO_URL = TestSettings.BASE_URL + "/cie/slo";
    private static final IdpMetadata IDP = new IdpMetadata(IdpMetadataXml.ENTITY_ID,
            Map.of(RequestBinding.POST, IdpMetadataXml.SSO_POST), IdpMetadataXml.SLO_REDIRECT,
            List.of(TestCredentials.idp().certificate()));

    private static final Duration SKEW = TestSettings.settings().clockSkew();

    private final ReplayCache replayCache = new InMemoryReplayCache(1000, Clock.systemUTC());
    private final LogoutRequestReader reader = readerWith(TestSettings.settings());

    private LogoutRequestReader readerWith(io.github.cieservlet.config.CieSettings settings) {
        return new LogoutRequestReader(settings, Clock.systemUTC(), replayCache);
    }

    /** A LogoutRequest as an IdP would send it; tests change what they need. */
    private static LogoutRequest request(String issuer, String destination) {
        LogoutRequest request = SamlObjects.build(LogoutRequest.DEFAULT_ELEMENT_NAME, LogoutRequest.class);
        request.setID(SamlIds.newId());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(Instant.now());
        request.setDestination(destination);
        Issuer issuerElement = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME, Issuer.class);
        issuerElement.setValue(issuer);
        issuerElement.setFormat(NameIDType.ENTITY);
        request.setIssuer(issuerElement);
        NameID nameId = SamlObjects.build(NameID.DEFAULT_ELEMENT_NAME, NameID.class);
        nameId.setFormat(NameIDType.TRANSIENT);
        nameId.setNameQualifier(issuer);
        nameId.setValue("_transient-42");
        request.setNameID(nameId);
        SessionIndex sessionIndex = SamlObjects.build(SessionIndex.DEFAULT_ELEMENT_NAME, SessionIndex.class);
        sessionIndex.setValue("_session-7");
        request.getSessionIndexes().add(sessionIndex);
        return request;
    }

    private static LogoutRequest validRequest() {
        return request(IdpMetadataXml.ENTITY_ID, SLO_URL);
    }

    private static String redirectQuery(LogoutRequest request, SpCredentials signer) {
        return RedirectBinding.signedQuery("SAMLRequest", SecureXml.toXml(request), "rs-1", signer.privateKey(),
                signer.certificate());
    }

    private static String postValue(LogoutRequest request, SpCredentials signer) {
        String xml = SerializeSupport.nodeToString(
                new XmlSigner(signer.privateKey(), signer.certificate()).sign(request));
        return base64(xml);
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs with the given algorithms (XmlSigner only does RSA-SHA256/SHA-256). */
    private static String postValueSignedWith(LogoutRequest request, SpCredentials signer, String signatureAlgorithm,
            String digestAlgorithm) throws Exception {
        BasicX509Credential credential = new BasicX509Credential(signer.certificate(), signer.privateKey());
        Signature signature = SamlObjects.build(Signature.DEFAULT_ELEMENT_NAME, Signature.class);
        signature.setSigningCredential(credential);
        signature.setSignatureAlgorithm(signatureAlgorithm);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        KeyInfo keyInfo = SamlObjects.build(KeyInfo.DEFAULT_ELEMENT_NAME, KeyInfo.class);
        KeyInfoSupport.addCertificate(keyInfo, signer.certificate());
        signature.setKeyInfo(keyInfo);
        request.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(digestAlgorithm);
        SecureXml.marshall(request);
        Signer.signObject(signature);
        return base64(SerializeSupport.nodeToString(request.getDOM()));
    }

    private static void assertRefused(ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CieAuthenticationException.class,
                e -> assertThat(e.error()).isEqualTo(CieError.INVALID_LOGOUT_MESSAGE)).hasMessageContaining(detail);
    }

    @Test
    void redirectRequestSignedByTheIdpIsAccepted() throws Exception {
        LogoutRequest sent = validRequest();
        LogoutRequest received = reader.fromRedirect(redirectQuery(sent, TestCredentials.idp()), IDP);
        assertThat(received.getID()).isEqualTo(sent.getID());
        assertThat(received.getSessionIndexes()).extracting(SessionIndex::getValue).containsExactly("_session-7");
    }

    /** Refused although authentic: answered with Requester / RequestDenied. */
    private static void assertDenied(ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LogoutRefusedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(StatusCode.REQUESTER);
            assertThat(e.subStatusCode()).isEqualTo(StatusCode.REQUEST_DENIED);
        }).hasMessageContaining(detail);
    }

    @Test
    void redirectRequestWithoutDestinationIsRefused() {
        String query = redirectQuery(request(IdpMetadataXml.ENTITY_ID, null), TestCredentials.idp());
        assertDenied(() -> reader.fromRedirect(query, IDP), "no Destination");
    }

    @Test
    void postRequestWithoutDestinationIsRefused() {
        String value = postValue(request(IdpMetadataXml.ENTITY_ID, null), TestCredentials.idp());
        assertDenied(() -> reader.fromPost(value, IDP), "no Destination");
    }

    @Test
    void requestIssuedLongerAgoThanTheSkewIsRefused() {
        LogoutRequest request = validRequest();
        request.setIssueInstant(Instant.now().minus(SKEW).minusSeconds(5));
        String query = redirectQuery(request, TestCredentials.idp());
        assertDenied(() -> reader.fromRedirect(query, IDP), "not within the clock skew");
    }

    @Test
    void requestIssuedAYearAgoIsRefused() {
        LogoutRequest request = validRequest();
        request.setIssueInstant(Instant.now().minus(Duration.ofDays(365)));
        String value = postValue(request, TestCredentials.idp());
        assertDenied(() -> reader.fromPost(value, IDP), "not within the clock skew");
    }

    @Test
    void requestIssuedInTheFutureBeyondTheSkewIsRefused() {
        LogoutRequest request = validRequest();
        request.setIssueInstant(Instant.now().plus(SKEW).plusSeconds(30));
        String query = redirectQuery(request, TestCredentials.idp());
        assertDenied(() -> reader.fromRedirect(query, IDP), "not within the clock skew");
    }

    @Test
    void requestIssuedWithinTheSkewIsAccepted() throws Exception {
        LogoutRequest request = validRequest();
        request.setIssueInstant(Instant.now().minus(SKEW).plusSeconds(10));
        assertThat(reader.fromRedirect(redirectQuery(request, TestCredentials.idp()), IDP).getID()).isEqualTo(request.getID());
    }

    @Test
    void requestWhoseIssueInstantIsADateIsRefused() {
        String xml = SecureXml.toXml(validRequest()).replaceFirst("IssueInstant=\"[^\"]*\"",
                "IssueInstant=\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\"");
        String query = RedirectBinding.signedQuery("SAMLRequest", xml, "rs-1", TestCredentials.idp().privateKey(),
                TestCredentials.idp().certificate());
        assertDenied(() -> reader.fromRedirect(query, IDP), "not a full xs:dateTime");
    }

    @Test
    void requestWithoutIssueInstantIsRefused() {
        LogoutRequest request = validRequest();
        request.setIssueInstant(null);
        String query = redirectQuery(request, TestCredentials.idp());
        assertDenied(() -> reader.fromRedirect(query, IDP), "IssueInstant is missing");
    }

    @Test
    void requestWhoseNotOnOrAfterHasPassedIsRefused() {
        LogoutRequest request = validRequest();
        request.setNotOnOrAfter(Instant.now().minus(SKEW).minusSeconds(1));
        String query = redirectQuery(request, TestCredentials.idp());
        assertDenied(() -> reader.fromRedirect(query, IDP), "NotOnOrAfter");
    }

    @Test
    void requestWithAFutureNotOnOrAfterIsAccepted() throws Exception {
        LogoutRequest request = validRequest();
        request.setNotOnOrAfter(Instant.now().plusSeconds(120));
        assertThat(reader.fromRedirect(redirectQuery(request, TestCredentials.idp()), IDP).getID()).isEqualTo(request.getID());
    }

    @Test
    void redirectRequestReplayedIsRefused() throws Exception {
        String query = redirectQuery(validRequest(), TestCredentials.idp());
        reader.fromRedirect(query, IDP);
        assertDenied(() -> reader.fromRedirect(query, IDP), "already used");
    }

    @Test
    void postRequestReplayedIsRefusedAlsoOverTheOtherBinding() throws Exception {
        LogoutRequest request = validRequest();
        reader.fromPost(postValue(request, TestCredentials.idp()), IDP);
        String query = redirectQuery(request, TestCredentials.idp());
        assertDenied(() -> reader.fromRedirect(query, IDP), "already used");
    }

    @Test
    void requestRefusedByAnotherRuleDoesNotSpendItsId() throws Exception {
        LogoutRequest request = validRequest();
        String id = request.getID();
        request.setDestination(null);
        String withoutDestination = redirectQuery(request, TestCredentials.idp());
        assertDenied(() -> reader.fromRedirect(withoutDestination, IDP), "no Destination");
        assertThat(replayCache.firstUse("logout:" + id, Instant.now().plusSeconds(60))).isTrue();
    }

    @Test
    void redirectRequestSignedByAnotherKeyIsRefused() {
        String query = redirectQuery(validRequest(), TestCredentials.attacker());
        assertRefused(() -> reader.fromRedirect(query, IDP), "not signed");
    }

    @Test
    void redirectRequestWithSwappedMessageIsRefused() {
        String genuine = redirectQuery(validRequest(), TestCredentials.idp());
        String forged = redirectQuery(validRequest(), TestCredentials.attacker());
        String swapped = forged.substring(0, forged.indexOf("&RelayState")) + genuine.substring(genuine.indexOf("&RelayState"));
        assertRefused(() -> reader.fromRedirect(swapped, IDP), "not signed");
    }

    @Test
    void unsignedRedirectRequestIsRefused() {
        String query = "SAMLRequest=" + RedirectBinding.urlEncode(RedirectBinding.deflateAndEncode(SecureXml.toXml(validRequest())));
        assertRefused(() -> reader.fromRedirect(query, IDP), "not signed");
    }

    @Test
    void redirectRequestFromAnotherIssuerIsRefusedEvenIfSignedWithTheIdpKey() {
        String query = redirectQuery(request("https://other-idp.example.it", SLO_URL), TestCredentials.idp());
        assertRefused(() -> reader.fromRedirect(query, IDP), "Issuer");
    }

    @Test
    void redirectRequestForAnotherDestinationIsRefused() {
        String query = redirectQuery(request(IdpMetadataXml.ENTITY_ID, "https://elsewhere.example.it/slo"),
                TestCredentials.idp());
        assertDenied(() -> reader.fromRedirect(query, IDP), "Destination is not");
    }

    @Test
    void redirectRequestWithWrongIssuerFormatIsRefused() {
        LogoutRequest request = validRequest();
        request.getIssuer().setFormat(NameIDType.TRANSIENT);
        String query = redirectQuery(request, TestCredentials.idp());
        assertRefused(() -> reader.fromRedirect(query, IDP), "Format");
    }

    @Test
    void redirectRequestInflatingBeyondTheLimitIsRefused() {
        LogoutRequestReader small = readerWith(TestSettings.builder().maxResponseBytes(300).build());
        String query = redirectQuery(validRequest(), TestCredentials.idp());
        assertRefused(() -> small.fromRedirect(query, IDP), "more than 300");
    }

    /** The POST size limit is inclusive: a body of exactly the limit is read (and refused for what it is). */
    @Test
    void postRequestSizeLimitBoundary() {
        LogoutRequestReader small = readerWith(TestSettings.builder().maxResponseBytes(300).build());
        String exactly = base64("<a>" + "x".repeat(300 - 7) + "</a>");
        String oneMore = base64("<a>" + "x".repeat(300 - 6) + "</a>");

        assertThatThrownBy(() -> small.fromPost(exactly, IDP)).isInstanceOf(CieAuthenticationException.class)
                .message().doesNotContain("larger than");
        assertRefused(() -> small.fromPost(oneMore, IDP), "larger than 300 bytes");
    }

    @Test
    void postRequestSignedByTheIdpIsAccepted() throws Exception {
        LogoutRequest sent = validRequest();
        LogoutRequest received = reader.fromPost(postValue(sent, TestCredentials.idp()), IDP);
        assertThat(received.getID()).isEqualTo(sent.getID());
        assertThat(received.getNameID().getValue()).isEqualTo("_transient-42");
    }

    @Test
    void postRequestSignedByTheAttackerIsRefusedDespiteItsKeyInfo() {
        String value = postValue(validRequest(), TestCredentials.attacker());
        assertRefused(() -> reader.fromPost(value, IDP), "not signed");
    }

    @Test
    void unsignedPostRequestIsRefused() {
        String value = base64(SecureXml.toXml(validRequest()));
        assertRefused(() -> reader.fromPost(value, IDP), "not signed");
    }

    @Test
    void tamperedPostRequestIsRefused() {
        String xml = new String(Base64.getDecoder().decode(postValue(validRequest(), TestCredentials.idp())),
                StandardCharsets.UTF_8).replace("_transient-42", "_transient-43");
        assertRefused(() -> reader.fromPost(base64(xml), IDP), "not signed");
    }

    @Test
    void postRequestWhoseSignatureReferencesAnotherIdIsRefused() {
        LogoutRequest request = validRequest();
        String id = request.getID();
        String xml = new String(Base64.getDecoder().decode(postValue(request, TestCredentials.idp())),
                StandardCharsets.UTF_8).replace("ID=\"" + id + "\"", "ID=\"_other\"");
        assertThat(xml).contains("URI=\"#" + id + "\"");
        assertRefused(() -> reader.fromPost(base64(xml), IDP), "not signed");
    }

    @Test
    void postRequestSignedWithRsaSha1IsRefused() throws Exception {
        String value = postValueSignedWith(validRequest(), TestCredentials.idp(),
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA256);
        assertRefused(() -> reader.fromPost(value, IDP), "not signed");
    }

    @Test
    void postRequestWithSha1DigestIsRefused() throws Exception {
        String value = postValueSignedWith(validRequest(), TestCredentials.idp(),
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA1);
        assertRefused(() -> reader.fromPost(value, IDP), "not signed");
    }

    @Test
    void postRequestSignedWithRsaSha512IsAccepted() throws Exception {
        String value = postValueSignedWith(validRequest(), TestCredentials.idp(),
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, SignatureConstants.ALGO_ID_DIGEST_SHA512);
        assertThat(reader.fromPost(value, IDP).getIssuer().getValue()).isEqualTo(IdpMetadataXml.ENTITY_ID);
    }

    @Test
    void postRequestFromAnotherIssuerIsRefused() {
        String value = postValue(request("https://other-idp.example.it", SLO_URL), TestCredentials.idp());
        assertRefused(() -> reader.fromPost(value, IDP), "Issuer");
    }

    @Test
    void postValueThatIsNotALogoutRequestIsRefused() {
        assertRefused(() -> reader.fromPost("***", IDP), "XML");
        assertRefused(() -> reader.fromPost("QUJD=x", IDP), "base64");
        assertRefused(() -> reader.fromPost(null, IDP), "SAMLRequest");
        String authnRequest = base64("<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_a\" Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\"/>");
        assertRefused(() -> reader.fromPost(authnRequest, IDP), "LogoutRequest");
    }

    @Test
    void postRequestLargerThanTheLimitIsRefused() {
        LogoutRequestReader small = readerWith(TestSettings.builder().maxResponseBytes(300).build());
        String value = postValue(validRequest(), TestCredentials.idp());
        assertRefused(() -> small.fromPost(value, IDP), "larger than 300");
    }
}
