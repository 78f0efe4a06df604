package io.github.cieservlet.tools.cert;

import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.tools.ToolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Reads and writes the SP key and certificate: PKCS#12 keystores and PEM files. */
public final class CredentialFiles {

    private CredentialFiles() {
    }

    /**
     * @param credentials key and certificate
     * @param alias the alias to store them under
     * @param password keystore and key password
     * @return the PKCS#12 keystore
     */
    public static byte[] pkcs12(SpCredentials credentials, String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, credentials.privateKey(), password, new Certificate[] {credentials.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the PKCS#12 keystore", e);
        }
    }

    /**
     * @param object a certificate or private key
     * @return its PEM encoding
     */
    public static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + object.getClass().getSimpleName() + " as PEM", e);
        }
        return text.toString();
    }

    /**
     * Writes a new file.
     *
     * @param path where
     * @param bytes what
     * @param overwrite whether an existing file may be replaced
     * @param secret whether only the owner may read it (where the file system allows it)
     * @throws ToolException when the file exists (and may not be replaced) or cannot be written
     */
    public static void write(Path path, byte[] bytes, boolean overwrite, boolean secret) throws ToolException {
        try {
            if (overwrite) {
                Files.deleteIfExists(path);
            }
            Files.write(path, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (secret && Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (FileAlreadyExistsException e) {
            throw new ToolException(path + " already exists; choose another --out or add --force to replace it", e);
        } catch (IOException e) {
            throw new ToolException("cannot write " + path + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @param bytes file content
     * @return whether it is PEM text rather than a binary keystore
     */
    public static boolean isPem(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }

    /**
     * @param bytes a PEM or DER certificate
     * @return the certificate
     * @throws ToolException when it is not an X.509 certificate
     */
    public static X509Certificate certificate(byte[] bytes) throws ToolException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (GeneralSecurityException e) {
            throw new ToolException("not an X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @param bytes a PKCS#12 keystore
     * @param password its password
     * @param alias the entry to read, or null for the only key entry
     * @return the certificate of that entry
     * @throws ToolException when the keystore cannot be opened or the entry is not there
     */
    public static X509Certificate certificate(byte[] bytes, char[] password, String alias) throws ToolException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            List<String> keys = new ArrayList<>();
            for (String name : Collections.list(store.aliases())) {
                if (store.isKeyEntry(name)) {
                    keys.add(name);
                }
            }
            String chosen = alias;
            if (chosen == null) {
                if (keys.size() != 1) {
                    throw new ToolException("the keystore holds " + keys.size() + " keys " + keys + "; choose one with --alias");
                }
                chosen = keys.get(0);
            }
            Certificate certificate = store.getCertificate(chosen);
            if (!(certificate instanceof X509Certificate)) {
                throw new ToolException("the keystore has no X.509 certificate under alias '" + chosen + "'; its keys are " + keys);
            }
            return (X509Certificate) certificate;
        } catch (IOException | GeneralSecurityException e) {
            throw new ToolException("cannot open the keystore as PKCS#12 with the given password (" + e.getMessage() + ")", e);
        }
    }
}
