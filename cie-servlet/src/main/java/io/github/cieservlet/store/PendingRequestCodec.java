package io.github.cieservlet.store;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a {@link PendingRequest} into a cookie value the browser carries until the Response comes back, so that a
 * login in progress costs the server no memory and any node of a cluster can finish it. AES-256-GCM from the JDK,
 * with a random 96-bit nonce; the key is derived with HKDF-SHA256 from the SP private key (every node already has
 * it, so a cluster needs no new secret; a new SP key ends the logins in progress). The RelayState the value was
 * issued with is authenticated as associated data: a value is accepted only together with its own RelayState.
 *
 * <p>Format: base64url without padding of {@code 0x03 | nonce(12) | ciphertext | tag(16)} ({@code 0x02} for a
 * {@link PendingProtocolLogin}, sealed under its correlation value with associated data of its own). Version
 * {@code 0x01} (before the scheme and identity provider were recorded) is no longer read: a login in progress
 * during the upgrade to SPID support ends on the {@code UNKNOWN_REQUEST} page and the citizen starts again.
 */
public final class PendingRequestCodec {

    /** Longest value {@link #seal} makes and {@link #open} reads, in characters (under a browser's 4 KiB per cookie). */
    public static final int MAX_VALUE_LENGTH = 3800;

    private static final byte VERSION = 3;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] HKDF_SALT = "io.github.cieservlet".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HKDF_INFO = "cie-servlet pending login cookie v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD_PREFIX = "cie-servlet pending login v1 RelayState=".getBytes(StandardCharsets.US_ASCII);
    private static final byte PROTOCOL_VERSION = 2;
    private static final byte[] PROTOCOL_AAD_PREFIX = "cie-servlet pending protocol login v1 correlation="
            .getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private PendingRequestCodec(byte[] aesKey) {
        this.key = new SecretKeySpec(aesKey, "AES");
    }

    /**
     * @param spKey the SP signing key (its PKCS#8 encoding is the HKDF input key material)
     * @return a codec with the key derived from it
     * @throws IllegalArgumentException when the key cannot be exported (then it cannot be shared by a cluster either)
     */
    public static PendingRequestCodec derivedFrom(PrivateKey spKey) {
        byte[] material = spKey.getEncoded();
        if (material == null) {
            throw new IllegalArgumentException("the SP private key has no encoded form; the pending-login key cannot be derived");
        }
        try {
            return new PendingRequestCodec(hkdfSha256(material, HKDF_SALT, HKDF_INFO));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * @param relayState the RelayState sent with the request
     * @param request the pending request
     * @return the sealed value, at most {@value #MAX_VALUE_LENGTH} characters of base64url
     * @throws IllegalArgumentException when the sealed value would be longer (a very long target)
     */
    public String seal(String relayState, PendingRequest request) {
        return encrypt(VERSION, aad(AAD_PREFIX, relayState), serialize(request));
    }

    /**
     * @param relayState the RelayState received with the value
     * @param value a value made by {@link #seal}
     * @return the pending request, or empty when the value is missing, too long, truncated, altered, sealed with
     *     another key or for another RelayState. An expired request is returned: the caller checks
     *     {@link PendingRequest#expiresAt()}
     */
    public Optional<PendingRequest> open(String relayState, String value) {
        try {
            return decrypt(VERSION, relayState == null ? null : aad(AAD_PREFIX, relayState), value)
                    .map(PendingRequestCodec::deserialize);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Seals the login in progress of another protocol, like {@link #seal} but under its own associated data (a
     * value of one kind never opens as the other).
     *
     * @param correlation the correlation value the answer will carry (e.g. the OIDC {@code state})
     * @param login the login in progress
     * @return the sealed value, at most {@value #MAX_VALUE_LENGTH} characters of base64url
     * @throws IllegalArgumentException when the sealed value would be longer (a very long target)
     */
    public String sealProtocolLogin(String correlation, PendingProtocolLogin login) {
        return encrypt(PROTOCOL_VERSION, aad(PROTOCOL_AAD_PREFIX, correlation), serialize(login));
    }

    /**
     * @param correlation the correlation value received with the value
     * @param value a value made by {@link #sealProtocolLogin}
     * @return the login in progress, or empty as for {@link #open}; an expired login is returned
     */
    public Optional<PendingProtocolLogin> openProtocolLogin(String correlation, String value) {
        try {
            return decrypt(PROTOCOL_VERSION, correlation == null ? null : aad(PROTOCOL_AAD_PREFIX, correlation), value)
                    .map(PendingRequestCodec::deserializeProtocolLogin);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String encrypt(byte version, byte[] aad, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(version).put(nonce).put(sealed).array();
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(out);
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("the pending login needs " + value.length()
                        + " characters, more than the " + MAX_VALUE_LENGTH + " a cookie may hold");
            }
            return value;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    private Optional<byte[]> decrypt(byte version, byte[] aad, String value) {
        if (aad == null || value == null || value.length() > MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != version) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(aad);
            return Optional.of(cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] aad(byte[] prefix, String correlation) {
        byte[] state = correlation.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(prefix.length + state.length).put(prefix).put(state).array();
    }

    private static byte[] serialize(PendingRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(request.requestId());
            out.writeLong(request.issueInstant().toEpochMilli());
            out.writeLong(request.expiresAt().toEpochMilli());
            out.writeUTF(request.level().name());
            out.writeUTF(request.comparison().name());
            out.writeUTF(request.binding().name());
            out.writeUTF(request.destination());
            out.writeUTF(request.target());
            out.writeUTF(request.scheme().id());
            out.writeUTF(request.idpEntityId() == null ? "" : request.idpEntityId());
            out.writeShort(request.attributeConsumingServiceIndex());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] serialize(PendingProtocolLogin login) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(login.issueInstant().toEpochMilli());
            out.writeLong(login.expiresAt().toEpochMilli());
            out.writeUTF(login.target());
            byte[] state = login.state();
            out.writeInt(state.length);
            out.write(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static PendingProtocolLogin deserializeProtocolLogin(byte[] plain) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
            Instant issueInstant = Instant.ofEpochMilli(in.readLong());
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String target = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length != in.available()) {
                throw new IOException("bad state length " + length);
            }
            return new PendingProtocolLogin(in.readNBytes(length), target, issueInstant, expiresAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PendingRequest deserialize(byte[] plain) {
        try {
            return deserializeRequest(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PendingRequest deserializeRequest(byte[] plain) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
        String requestId = in.readUTF();
        Instant issueInstant = Instant.ofEpochMilli(in.readLong());
        Instant expiresAt = Instant.ofEpochMilli(in.readLong());
        CieLevel level = CieLevel.valueOf(in.readUTF());
        LevelComparison comparison = LevelComparison.valueOf(in.readUTF());
        RequestBinding binding = RequestBinding.valueOf(in.readUTF());
        String destination = in.readUTF();
        String target = in.readUTF();
        LoginScheme scheme = LoginScheme.fromId(in.readUTF()).orElseThrow(() -> new IOException("unknown scheme"));
        String idp = in.readUTF();
        int index = in.readShort();
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return new PendingRequest(requestId, issueInstant, level, comparison, target, destination, binding, expiresAt,
                scheme, idp.isEmpty() ? null : idp, index);
    }

    private static byte[] hkdfSha256(byte[] inputKey, byte[] salt, byte[] info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
