package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import java.time.Instant;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;

/** An authentic LogoutRequest ends only the session whose NameID (and SessionIndex, when sent) it names. */
class LogoutSessionMatchTest {

    private static final String IDP = IdpMetadataXml.ENTITY_ID;

    private static CieIdentity identity(String nameId, String sessionIndex) {
        return CieIdentity.builder().name("BIANCA").familyName("ROSSI").dateOfBirth(LocalDate.of(1980, 1, 1))
                .fiscalNumber("TINIT-RSSBNC80A41H501X").level(CieLevel.L2).nameId(nameId).nameIdQualifier(IDP)
                .sessionIndex(sessionIndex).authnInstant(Instant.now()).idpEntityId(IDP).build();
    }

    private static LogoutRequest request(String issuer, String nameIdValue, String qualifier, String... sessionIndexes) {
        LogoutRequest request = SamlObjects.build(LogoutRequest.DEFAULT_ELEMENT_NAME, LogoutRequest.class);
        request.setID(SamlIds.newId());
        request.setVersion(SAMLVersion.VERSION_20);
        Issuer issuerElement = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME, Issuer.class);
        issuerElement.setValue(issuer);
        request.setIssuer(issuerElement);
        if (nameIdValue != null) {
            NameID nameId = SamlObjects.build(NameID.DEFAULT_ELEMENT_NAME, NameID.class);
            nameId.setFormat(NameIDType.TRANSIENT);
            nameId.setNameQualifier(qualifier);
            nameId.setValue(nameIdValue);
            request.setNameID(nameId);
        }
        for (String value : sessionIndexes) {
            SessionIndex index = SamlObjects.build(SessionIndex.DEFAULT_ELEMENT_NAME, SessionIndex.class);
            index.setValue(value);
            request.getSessionIndexes().add(index);
        }
        return request;
    }

    private static void assertUnknownPrincipal(ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LogoutRefusedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(StatusCode.REQUESTER);
            assertThat(e.subStatusCode()).isEqualTo(StatusCode.UNKNOWN_PRINCIPAL);
        }).hasMessageContaining(detail);
    }

    @Test
    void requestForTheSessionsNameIdAndSessionIndexMatches() {
        assertThatCode(() -> LogoutSessionMatch.check(request(IDP, "_n1", IDP, "_s0", "_s1"), identity("_n1", "_s1")))
                .doesNotThrowAnyException();
    }

    @Test
    void requestWithoutSessionIndexMatchesEverySessionOfTheNameId() {
        assertThatCode(() -> LogoutSessionMatch.check(request(IDP, "_n1", null), identity("_n1", "_s1")))
                .doesNotThrowAnyException();
    }

    @Test
    void requestWhenThisBrowserHasNoSessionIsRefused() {
        assertUnknownPrincipal(() -> LogoutSessionMatch.check(request(IDP, "_n1", IDP), null), "no CIE session");
    }

    @Test
    void requestForAnotherCitizensNameIdIsRefused() {
        assertUnknownPrincipal(() -> LogoutSessionMatch.check(request(IDP, "_n2", IDP), identity("_n1", "_s1")),
                "NameID is not");
    }

    @Test
    void requestWithAnotherNameQualifierIsRefused() {
        assertUnknownPrincipal(() -> LogoutSessionMatch.check(request(IDP, "_n1", "https://other.example"),
                identity("_n1", "_s1")), "NameQualifier");
    }

    @Test
    void requestForAnotherSessionIndexIsRefused() {
        assertUnknownPrincipal(() -> LogoutSessionMatch.check(request(IDP, "_n1", IDP, "_s2"), identity("_n1", "_s1")),
                "SessionIndex");
    }

    @Test
    void requestWithSessionIndexWhenTheSessionHasNoneIsRefused() {
        assertUnknownPrincipal(() -> LogoutSessionMatch.check(request(IDP, "_n1", IDP, "_s1"), identity("_n1", null)),
                "SessionIndex");
    }

    @Test
    void requestWithoutNameIdIsRefused() {
        assertUnknownPrincipal(() -> LogoutSessionMatch.check(request(IDP, null, null), identity("_n1", "_s1")),
                "no NameID");
    }

    @Test
    void requestFromAnIdpOtherThanTheSessionsIsRefused() {
        assertUnknownPrincipal(() -> LogoutSessionMatch.check(request("https://other-idp.example", "_n1", null),
                identity("_n1", "_s1")), "another identity provider");
    }
}
