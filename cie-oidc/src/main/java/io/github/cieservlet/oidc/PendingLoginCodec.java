package io.github.cieservlet.oidc;

import io.github.cieservlet.CieLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link PendingOidcLogin} as bytes for the web layer's sealed cookie: a version byte and the fields, no Java
 * serialisation. Decoding refuses anything else.
 */
final class PendingLoginCodec {

    private static final byte VERSION = 1;
    private static final int MAX_BYTES = 2048;

    private PendingLoginCodec() {
    }

    static byte[] encode(PendingOidcLogin login) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(login.state());
            out.writeUTF(login.nonce());
            out.writeUTF(login.codeVerifier());
            out.writeUTF(login.level().name());
            out.writeUTF(login.providerEntityId().toString());
            out.writeLong(login.startedAt().toEpochMilli());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a pending login", e);
        }
        return bytes.toByteArray();
    }

    static Optional<PendingOidcLogin> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                return Optional.empty();
            }
            PendingOidcLogin login = new PendingOidcLogin(in.readUTF(), in.readUTF(), in.readUTF(),
                    CieLevel.valueOf(in.readUTF()), URI.create(in.readUTF()), Instant.ofEpochMilli(in.readLong()));
            return in.available() == 0 ? Optional.of(login) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
