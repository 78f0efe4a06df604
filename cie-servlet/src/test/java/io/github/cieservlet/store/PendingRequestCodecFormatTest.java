package io.github.cieservlet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.testing.TestCredentials;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The sealed format of {@link PendingRequestCodec} as its Javadoc states it, checked by an independent
 * implementation in this test (HKDF-SHA256 of the SP key's PKCS#8 encoding, AES-256-GCM, version byte, 96-bit
 * nonce, the RelayState or correlation value as associated data): every node of a cluster, and every version
 * that keeps the format, derives the same key and reads the same bytes. Values the test seals itself also reach
 * the codec's own checks of what is inside an authentic value. Only the public API is relied on (of the pending
 * request's serialised form, only that it holds its strings), so fields added to it later do not break these tests.
 */
class PendingRequestCodecFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00.123Z");
    private static final String RELAY_STATE = RelayStateTokens.newToken();
    /** The version byte of a SAML pending login: 3 since the scheme, IdP and attribute index travel in it. */
    private static final int SAML_VERSION = 3;
    private static final byte[] SAML_AAD = "cie-servlet pending login v1 RelayState=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROTOCOL_AAD = "cie-servlet pending protocol login v1 correlation="
            .getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey spKey = TestCredentials.sp().privateKey();
    private final PendingRequestCodec codec = PendingRequestCodec.derivedFrom(spKey);

    private static PendingRequest pending(String target) {
        return new PendingRequest("_0123456789abcdef0123456789abcdef", NOW, CieLevel.L2, LevelComparison.MINIMUM,
                target, "https://idp.example.it/sso", RequestBinding.REDIRECT, NOW.plusSeconds(900));
    }

    /** RFC 5869 with SHA-256, one block of output: the AES-256 key. */
    private static byte[] hkdf(byte[] inputKey) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("io.github.cieservlet".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] prk = mac.doFinal(inputKey);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        byte[] info = "cie-servlet pending login cookie v1".getBytes(StandardCharsets.US_ASCII);
        return mac.doFinal(ByteBuffer.allocate(info.length + 1).put(info).put((byte) 1).array());
    }

    private static byte[] aad(byte[] prefix, String correlation) {
        byte[] value = correlation.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(prefix.length + value.length).put(prefix).put(value).array();
    }

    private byte[] open(int version, byte[] aad, String value) throws Exception {
        byte[] bytes = Base64.getUrlDecoder().decode(value);
        assertThat(bytes[0]).as("version byte").isEqualTo((byte) version);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(hkdf(spKey.getEncoded()), "AES"),
                new GCMParameterSpec(128, bytes, 1, 12));
        cipher.updateAAD(aad);
        return cipher.doFinal(bytes, 13, bytes.length - 13);
    }

    private String seal(int version, byte[] aad, byte[] plain) throws Exception {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hkdf(spKey.getEncoded()), "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        byte[] sealed = cipher.doFinal(plain);
        byte[] out = ByteBuffer.allocate(13 + sealed.length).put((byte) version).put(nonce).put(sealed).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    private static byte[] protocolPlain(String target, int declaredLength, byte[] state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(NOW.toEpochMilli());
            out.writeLong(NOW.plusSeconds(60).toEpochMilli());
            out.writeUTF(target);
            out.writeInt(declaredLength);
            out.write(state);
        }
        return bytes.toByteArray();
    }

    @Test
    void aSealedRequestIsAesGcmUnderTheHkdfKeyWithTheRelayStateAsAssociatedData() throws Exception {
        String value = codec.seal(RELAY_STATE, pending("/area"));
        byte[] plain = open(SAML_VERSION, aad(SAML_AAD, RELAY_STATE), value);
        assertThat(new String(plain, StandardCharsets.UTF_8)).contains("_0123456789abcdef0123456789abcdef")
                .contains("https://idp.example.it/sso").contains("/area");
        assertThat(Base64.getUrlDecoder().decode(value)).hasSize(1 + 12 + plain.length + 16);
        assertThatThrownBy(() -> open(SAML_VERSION, aad(SAML_AAD, RelayStateTokens.newToken()), value))
                .isInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void aSealedProtocolLoginIsVersionTwoWithTheCorrelationAsAssociatedData() throws Exception {
        byte[] state = {9, 8, 7};
        String value = codec.sealProtocolLogin(RELAY_STATE, new PendingProtocolLogin(state, "/t", NOW, NOW.plusSeconds(60)));
        assertThat(open(2, aad(PROTOCOL_AAD, RELAY_STATE), value)).isEqualTo(protocolPlain("/t", 3, state));
    }

    @Test
    void aProtocolLoginWhoseStateLengthDisagreesIsRefused() throws Exception {
        byte[] state = {1, 2, 3, 4};
        byte[] aad = aad(PROTOCOL_AAD, RELAY_STATE);
        assertThat(codec.openProtocolLogin(RELAY_STATE, seal(2, aad, protocolPlain("/t", 4, state))))
                .hasValueSatisfying(p -> assertThat(p.state()).containsExactly(state));
        for (int declared : new int[] {3, 5, -1, Integer.MIN_VALUE}) {
            assertThat(codec.openProtocolLogin(RELAY_STATE, seal(2, aad, protocolPlain("/t", declared, state))))
                    .as("declared %d", declared).isEmpty();
        }
        assertThat(codec.openProtocolLogin(RELAY_STATE, seal(2, aad, protocolPlain("/t", 0, new byte[0]))))
                .hasValueSatisfying(p -> assertThat(p.state()).isEmpty());
        assertThat(codec.openProtocolLogin(RELAY_STATE, seal(2, aad, new byte[0]))).isEmpty();
    }

    @Test
    void anEmptyStateRoundTrips() {
        String value = codec.sealProtocolLogin(RELAY_STATE, new PendingProtocolLogin(new byte[0], "/", NOW, NOW));
        assertThat(codec.openProtocolLogin(RELAY_STATE, value)).hasValueSatisfying(p -> assertThat(p.state()).isEmpty());
    }

    @Test
    void authenticButUnreadableRequestsAreRefused() throws Exception {
        byte[] aad = aad(SAML_AAD, RELAY_STATE);
        assertThat(codec.open(RELAY_STATE, seal(SAML_VERSION, aad, new byte[0]))).isEmpty();
        assertThat(codec.open(RELAY_STATE, seal(SAML_VERSION, aad, new byte[] {0, 5, 'a'}))).isEmpty();
        byte[] sealedPlain = open(SAML_VERSION, aad, codec.seal(RELAY_STATE, pending("/")));
        assertThat(codec.open(RELAY_STATE, seal(SAML_VERSION, aad, sealedPlain))).as("control: the same bytes sealed here open")
                .isPresent();
        assertThat(codec.open(RELAY_STATE, seal(SAML_VERSION, aad, Arrays.copyOf(sealedPlain, sealedPlain.length - 1)))).isEmpty();
        assertThat(codec.openProtocolLogin(RELAY_STATE, seal(2, aad(PROTOCOL_AAD, RELAY_STATE), new byte[] {1})))
                .isEmpty();
    }

    @Test
    void theVersionByteIsChecked() throws Exception {
        byte[] sealedPlain = open(SAML_VERSION, aad(SAML_AAD, RELAY_STATE), codec.seal(RELAY_STATE, pending("/")));
        assertThat(codec.open(RELAY_STATE, seal(2, aad(SAML_AAD, RELAY_STATE), sealedPlain))).isEmpty();
        assertThat(codec.open(RELAY_STATE, seal(1, aad(SAML_AAD, RELAY_STATE), sealedPlain))).as("a version 1 cookie").isEmpty();
        assertThat(codec.open(RELAY_STATE, seal(0, aad(SAML_AAD, RELAY_STATE), sealedPlain))).isEmpty();
        byte[] protocolPlain = protocolPlain("/t", 1, new byte[] {1});
        assertThat(codec.openProtocolLogin(RELAY_STATE, seal(1, aad(PROTOCOL_AAD, RELAY_STATE), protocolPlain))).isEmpty();
        assertThat(codec.openProtocolLogin(RELAY_STATE, seal(2, aad(PROTOCOL_AAD, RELAY_STATE), protocolPlain))).isPresent();
    }

    /** The shortest value: version, nonce and tag, nothing encrypted. Read, found empty, refused. */
    @Test
    void valuesShorterThanNonceAndTagAreRefused() throws Exception {
        String empty = seal(SAML_VERSION, aad(SAML_AAD, RELAY_STATE), new byte[0]);
        byte[] raw = Base64.getUrlDecoder().decode(empty);
        assertThat(raw).hasSize(29);
        assertThat(codec.open(RELAY_STATE, empty)).isEmpty();
        String shorter = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(raw, 28));
        assertThat(codec.open(RELAY_STATE, shorter)).isEmpty();
        assertThat(codec.open(RELAY_STATE, "")).isEmpty();
        assertThat(codec.openProtocolLogin(RELAY_STATE, "")).isEmpty();
        assertThat(codec.openProtocolLogin(RELAY_STATE, null)).isEmpty();
        assertThat(codec.openProtocolLogin(null, empty)).isEmpty();
    }

    /** The longest value made and read is exactly {@link PendingRequestCodec#MAX_VALUE_LENGTH} characters. */
    @Test
    void aValueOfExactlyTheMaximumLengthIsMadeAndRead() {
        String atLimit = null;
        for (int length = 1000; length < 3800 && atLimit == null; length++) {
            String value = sealOrNull("/" + "a".repeat(length));
            if (value != null && value.length() == PendingRequestCodec.MAX_VALUE_LENGTH) {
                atLimit = value;
            }
        }
        assertThat(atLimit).as("a target whose sealed value has exactly the maximum length").isNotNull();
        assertThat(codec.open(RELAY_STATE, atLimit)).isPresent();
        String padded = atLimit + "AA";
        assertThat(codec.open(RELAY_STATE, padded)).isEmpty();
        String protocolAtLimit = null;
        for (int length = 1000; length < 3800 && protocolAtLimit == null; length++) {
            try {
                String value = codec.sealProtocolLogin(RELAY_STATE, new PendingProtocolLogin(new byte[1],
                        "/" + "a".repeat(length), NOW, NOW));
                protocolAtLimit = value.length() == PendingRequestCodec.MAX_VALUE_LENGTH ? value : null;
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        assertThat(protocolAtLimit).isNotNull();
        assertThat(codec.openProtocolLogin(RELAY_STATE, protocolAtLimit)).isPresent();
        assertThatThrownBy(() -> codec.sealProtocolLogin(RELAY_STATE, new PendingProtocolLogin(new byte[1],
                "/" + "a".repeat(3000), NOW, NOW))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the 3800");
    }

    private String sealOrNull(String target) {
        try {
            return codec.seal(RELAY_STATE, pending(target));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Test
    void aKeyWithoutAnEncodingIsRefusedAndTheKeyMaterialIsWipedAfterUse() {
        PrivateKey unexportable = new FakeKey(null);
        assertThatThrownBy(() -> PendingRequestCodec.derivedFrom(unexportable)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no encoded form");
        byte[] material = spKey.getEncoded();
        PendingRequestCodec fromCopy = PendingRequestCodec.derivedFrom(new FakeKey(material));
        assertThat(material).containsOnly(0);
        assertThat(fromCopy.open(RELAY_STATE, codec.seal(RELAY_STATE, pending("/")))).as("same key material, same key")
                .isPresent();
    }

    /** A private key that hands out one given encoding (the JDK's keys hand out copies). */
    private static final class FakeKey implements PrivateKey {
        private static final long serialVersionUID = 1L;
        private final byte[] encoded;

        FakeKey(byte[] encoded) {
            this.encoded = encoded;
        }

        @Override
        public String getAlgorithm() {
            return "RSA";
        }

        @Override
        public String getFormat() {
            return "PKCS#8";
        }

        @Override
        public byte[] getEncoded() {
            return encoded;
        }
    }
}
