package io.github.cieservlet.testing;

import io.github.cieservlet.config.SpCredentials;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys and certificates made at test time (nothing secret is kept in the repository). The three standard
 * credentials are generated once per JVM: the SP's, the IdP's, and an attacker's.
 */
public final class TestCredentials {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static volatile SpCredentials sp;
    private static volatile SpCredentials idp;
    private static volatile SpCredentials attacker;

    private TestCredentials() {
    }

    /**
     * @return the service provider's key and certificate, its subject matching {@link TestSettings} (entity ID,
     *     organisation, IPA code) as the federation portal requires
     */
    public static SpCredentials sp() {
        if (sp == null) {
            sp = generate("CN=Comune di Esempio, O=Comune di Esempio, 2.5.4.83=" + TestSettings.ENTITY_ID
                    + ", 2.5.4.97=PA:IT-c_x999", 2048, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(365));
        }
        return sp;
    }

    /** @return the identity provider's key and certificate (CN=idp.test) */
    public static SpCredentials idp() {
        if (idp == null) {
            idp = generate("CN=idp.test", 2048, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(365));
        }
        return idp;
    }

    /** @return a key that nobody trusts (CN=attacker.test) */
    public static SpCredentials attacker() {
        if (attacker == null) {
            attacker = generate("CN=attacker.test", 2048, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(365));
        }
        return attacker;
    }

    /**
     * @param subject the subject DN, e.g. {@code CN=x}
     * @param bits RSA key size
     * @param notBefore start of validity
     * @param validity length of validity
     * @return a fresh RSA key with a self-signed SHA-256 certificate
     */
    public static SpCredentials generate(String subject, int bits, Instant notBefore, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), name, pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SpCredentials(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param credentials key and certificate
     * @param alias alias to store them under
     * @param password keystore and key password
     * @return a PKCS#12 keystore holding them
     */
    public static byte[] pkcs12(SpCredentials credentials, String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, credentials.privateKey(), password, new Certificate[] {credentials.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
