package io.github.cieservlet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.testing.TestCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The sealed cookie of a login in progress: what it keeps, and every way a value that is not ours is refused. */
class PendingRequestCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00.123Z");
    private static final String RELAY_STATE = RelayStateTokens.newToken();

    private final PendingRequestCodec codec = PendingRequestCodec.derivedFrom(TestCredentials.sp().privateKey());

    private static PendingRequest pending(String target, Instant expiresAt) {
        return new PendingRequest("_0123456789abcdef0123456789abcdef", NOW, CieLevel.L2, LevelComparison.MINIMUM,
                target, "https://idp.example.it/sso", RequestBinding.REDIRECT, expiresAt);
    }

    @Test
    void sealedValueOpensToTheSameRequestWithItsRelayState() {
        String value = codec.seal(RELAY_STATE, pending("/area-riservata/pagina-è?x=1", NOW.plusSeconds(900)));
        PendingRequest opened = codec.open(RELAY_STATE, value).orElseThrow();
        assertThat(opened.requestId()).isEqualTo("_0123456789abcdef0123456789abcdef");
        assertThat(opened.issueInstant()).isEqualTo(NOW);
        assertThat(opened.expiresAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(opened.level()).isEqualTo(CieLevel.L2);
        assertThat(opened.comparison()).isEqualTo(LevelComparison.MINIMUM);
        assertThat(opened.binding()).isEqualTo(RequestBinding.REDIRECT);
        assertThat(opened.destination()).isEqualTo("https://idp.example.it/sso");
        assertThat(opened.target()).isEqualTo("/area-riservata/pagina-è?x=1");
        assertThat(value).matches("[A-Za-z0-9_-]+").doesNotContain("area-riservata");
    }

    @Test
    void aSpidOrEidasLoginKeepsItsSchemeIdentityProviderAndAttributeIndex() {
        PendingRequest spid = new PendingRequest("_0123456789abcdef0123456789abcdef", NOW, CieLevel.L1,
                LevelComparison.MINIMUM, "/", "https://idp.example.it/sso", RequestBinding.POST, NOW.plusSeconds(60),
                LoginScheme.EIDAS, "https://ficep.example.eu/idp", 100);
        PendingRequest opened = codec.open(RELAY_STATE, codec.seal(RELAY_STATE, spid)).orElseThrow();
        assertThat(opened.scheme()).isEqualTo(LoginScheme.EIDAS);
        assertThat(opened.idpEntityId()).isEqualTo("https://ficep.example.eu/idp");
        assertThat(opened.attributeConsumingServiceIndex()).isEqualTo(100);
        assertThat(opened.level()).isEqualTo(CieLevel.L1);
        PendingRequest cie = codec.open(RELAY_STATE, codec.seal(RELAY_STATE, pending("/", NOW.plusSeconds(60)))).orElseThrow();
        assertThat(cie.scheme()).isEqualTo(LoginScheme.CIE);
        assertThat(cie.idpEntityId()).isNull();
        assertThat(cie.attributeConsumingServiceIndex()).isZero();
    }

    @Test
    void aSpidLoginMustNameItsIdentityProvider() {
        assertThatThrownBy(() -> new PendingRequest("_1", NOW, CieLevel.L2, LevelComparison.MINIMUM, "/",
                "https://idp.example.it/sso", RequestBinding.POST, NOW, LoginScheme.SPID, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCookieOfTheVersionBeforeSpidIsRefused() {
        byte[] raw = Base64.getUrlDecoder().decode(codec.seal(RELAY_STATE, pending("/", NOW.plusSeconds(60))));
        raw[0] = 1;
        assertThat(codec.open(RELAY_STATE, Base64.getUrlEncoder().withoutPadding().encodeToString(raw))).isEmpty();
    }

    @Test
    void sameKeyOnEveryNodeOpensWhatAnotherNodeSealed() {
        PendingRequestCodec otherNode = PendingRequestCodec.derivedFrom(TestCredentials.sp().privateKey());
        assertThat(otherNode.open(RELAY_STATE, codec.seal(RELAY_STATE, pending("/", NOW.plusSeconds(60))))).isPresent();
    }

    @Test
    void anyAlteredByteIsRefused() {
        String value = codec.seal(RELAY_STATE, pending("/", NOW.plusSeconds(60)));
        byte[] raw = Base64.getUrlDecoder().decode(value);
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            Assertions.assertThat(codec.open(RELAY_STATE, Base64.getUrlEncoder().withoutPadding().encodeToString(tampered)))
                    .as("byte " + i).isEmpty();
        }
    }

    @Test
    void valueSealedWithAnotherKeyIsRefused() {
        PendingRequestCodec attacker = PendingRequestCodec.derivedFrom(TestCredentials.attacker().privateKey());
        assertThat(codec.open(RELAY_STATE, attacker.seal(RELAY_STATE, pending("/", NOW.plusSeconds(60))))).isEmpty();
    }

    @Test
    void expiredRequestOpensWithItsExpirySoTheAcsCanSayExpired() {
        PendingRequest opened = codec.open(RELAY_STATE, codec.seal(RELAY_STATE, pending("/", NOW.minusMillis(1))))
                .orElseThrow();
        assertThat(opened.expiresAt()).isBefore(NOW);
    }

    @Test
    void valueOfAnotherBrowsersLoginIsRefusedWithThisRelayState() {
        String otherBrowsers = codec.seal(RelayStateTokens.newToken(), pending("/", NOW.plusSeconds(60)));
        assertThat(codec.open(RELAY_STATE, otherBrowsers)).isEmpty();
        String mine = codec.seal(RELAY_STATE, pending("/", NOW.plusSeconds(60)));
        assertThat(codec.open(RELAY_STATE.toUpperCase(java.util.Locale.ROOT), mine)).isEmpty();
        assertThat(codec.open(" " + RELAY_STATE, mine)).isEmpty();
        assertThat(codec.open(null, mine)).isEmpty();
    }

    @Test
    void truncatedOrMalformedValuesAreRefused() {
        String value = codec.seal(RELAY_STATE, pending("/", NOW.plusSeconds(60)));
        for (int length : new int[] {0, 1, 10, 38, value.length() / 2, value.length() - 1}) {
            assertThat(codec.open(RELAY_STATE, value.substring(0, length))).as("length " + length).isEmpty();
        }
        assertThat(codec.open(RELAY_STATE, value + "A")).isEmpty();
        assertThat(codec.open(RELAY_STATE, "not base64 !")).isEmpty();
        assertThat(codec.open(RELAY_STATE, null)).isEmpty();
        byte[] raw = Base64.getUrlDecoder().decode(value);
        raw[0] = 2;
        assertThat(codec.open(RELAY_STATE, Base64.getUrlEncoder().withoutPadding().encodeToString(raw))).isEmpty();
    }

    @Test
    void oversizedValuesAreNeitherMadeNorRead() {
        Assertions.assertThatThrownBy(() -> codec.seal(RELAY_STATE, pending("/" + "é".repeat(2000), NOW.plusSeconds(60))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(codec.seal(RELAY_STATE, pending("/" + "a".repeat(2047), NOW.plusSeconds(60))))
                .hasSizeLessThanOrEqualTo(PendingRequestCodec.MAX_VALUE_LENGTH);
        assertThat(codec.open(RELAY_STATE, "A".repeat(PendingRequestCodec.MAX_VALUE_LENGTH + 1))).isEmpty();
    }

    @Test
    void twoSealsOfOneRequestDiffer() {
        PendingRequest request = pending("/", NOW.plus(Duration.ofMinutes(15)));
        assertThat(codec.seal(RELAY_STATE, request)).isNotEqualTo(codec.seal(RELAY_STATE, request));
    }

    @Test
    void protocolLoginOpensWithItsOwnCorrelationValueOnly() {
        byte[] state = {0, 1, 2, (byte) 0xff, 42};
        String value = codec.sealProtocolLogin(RELAY_STATE, new PendingProtocolLogin(state, "/area-riservata/?x=1", NOW,
                NOW.plusSeconds(900)));
        PendingProtocolLogin opened = codec.openProtocolLogin(RELAY_STATE, value).orElseThrow();
        assertThat(opened.state()).containsExactly(state);
        assertThat(opened.target()).isEqualTo("/area-riservata/?x=1");
        assertThat(opened.issueInstant()).isEqualTo(NOW);
        assertThat(opened.expiresAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(value).doesNotContain("area-riservata");
        assertThat(codec.openProtocolLogin(RelayStateTokens.newToken(), value)).isEmpty();
    }

    @Test
    void aValueOfOneKindNeverOpensAsTheOther() {
        String saml = codec.seal(RELAY_STATE, pending("/", NOW.plusSeconds(60)));
        String protocol = codec.sealProtocolLogin(RELAY_STATE, new PendingProtocolLogin(new byte[8], "/", NOW,
                NOW.plusSeconds(60)));
        assertThat(codec.openProtocolLogin(RELAY_STATE, saml)).isEmpty();
        assertThat(codec.open(RELAY_STATE, protocol)).isEmpty();
        // the same bytes with the other kind's version byte: refused by the associated data
        byte[] raw = Base64.getUrlDecoder().decode(protocol);
        raw[0] = 1;
        assertThat(codec.open(RELAY_STATE, Base64.getUrlEncoder().withoutPadding().encodeToString(raw))).isEmpty();
    }
}
