package io.github.cieservlet.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * The service provider's signing key and certificate, loaded once from a PKCS#12 keystore. The certificate is
 * the one published in the SP metadata; the key signs the metadata, AuthnRequests and LogoutResponses.
 */
public final class SpCredentials {

    /** Smallest RSA key accepted (SPID and CIE both ask for at least 2048 bits in practice). */
    public static final int MIN_RSA_BITS = 2048;

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    /**
     * @param privateKey the RSA signing key
     * @param certificate its certificate
     */
    public SpCredentials(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /** @return the signing key */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the certificate published in the metadata */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Loads and checks the key: PKCS#12, RSA of at least {@value #MIN_RSA_BITS} bits, certificate matching the
     * key and valid now.
     *
     * @param keystore the keystore bytes
     * @param storePassword keystore password
     * @param alias the alias, or null to take the only key entry
     * @param keyPassword key password, or null for the keystore password
     * @param now the current time
     * @return the credentials
     * @throws IllegalArgumentException with a message that says what to fix
     */
    public static SpCredentials fromPkcs12(byte[] keystore, char[] storePassword, String alias, char[] keyPassword,
            Instant now) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(keystore), storePassword);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open the keystore as PKCS#12 with the given password ("
                    + e.getMessage() + ")", e);
        }
        try {
            String chosen = alias != null ? alias : onlyKeyAlias(store);
            if (!store.isKeyEntry(chosen)) {
                throw new IllegalArgumentException("the keystore has no private key under alias '" + chosen
                        + "'; its key aliases are " + keyAliases(store));
            }
            Key key = store.getKey(chosen, keyPassword != null ? keyPassword : storePassword);
            Certificate cert = store.getCertificate(chosen);
            if (!(key instanceof RSAPrivateKey) || !(cert instanceof X509Certificate)) {
                throw new IllegalArgumentException("the key under alias '" + chosen
                        + "' must be an RSA private key with an X.509 certificate");
            }
            X509Certificate x509 = (X509Certificate) cert;
            RSAPrivateKey rsa = (RSAPrivateKey) key;
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("the RSA key is " + rsa.getModulus().bitLength()
                        + " bits; CIE and SPID need at least " + MIN_RSA_BITS + " (3072 recommended)");
            }
            if (!(x509.getPublicKey() instanceof RSAPublicKey)
                    || !((RSAPublicKey) x509.getPublicKey()).getModulus().equals(rsa.getModulus())) {
                throw new IllegalArgumentException("the certificate under alias '" + chosen
                        + "' does not belong to its private key");
            }
            try {
                x509.checkValidity(Date.from(now));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the certificate is not valid now (valid from "
                        + x509.getNotBefore().toInstant() + " to " + x509.getNotAfter().toInstant()
                        + "); make a new one and upload the new metadata to the federation portal", e);
            }
            return new SpCredentials(rsa, x509);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the private key (" + e.getMessage()
                    + "); check cie.keyPassword", e);
        }
    }

    private static String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
        List<String> aliases = keyAliases(store);
        if (aliases.size() != 1) {
            throw new IllegalArgumentException("the keystore holds " + aliases.size() + " keys " + aliases
                    + "; name the one to use in cie.keyAlias");
        }
        return aliases.get(0);
    }

    private static List<String> keyAliases(KeyStore store) throws GeneralSecurityException {
        List<String> aliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                aliases.add(alias);
            }
        }
        return aliases;
    }
}
