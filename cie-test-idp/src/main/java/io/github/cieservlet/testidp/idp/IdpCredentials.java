package io.github.cieservlet.testidp.idp;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The test IdP's signing key: RSA 2048 with a self-signed SHA256withRSA certificate, made at startup and kept
 * in memory only (never written anywhere). A restart makes a new key; the service provider reads the new
 * certificate from the metadata.
 */
public final class IdpCredentials {

    /** Subject and issuer of the certificate. */
    public static final String SUBJECT = "CN=cie-test-idp.localhost, O=cie-servlet local test IdP";

    /** The RSA key size of the test IdPs' keys. */
    public static final int RSA_BITS = 2048;
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration VALIDITY = Duration.ofDays(366);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private IdpCredentials(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /**
     * @param clock the clock that dates the certificate
     * @return a fresh key and certificate
     */
    public static IdpCredentials generate(Clock clock) {
        return generate(clock, RSA_BITS);
    }

    /**
     * @param clock the clock that dates the certificate
     * @param rsaBits the RSA key size, e.g. 3072 for benchmarks of larger keys
     * @return a fresh key and certificate
     */
    public static IdpCredentials generate(Clock clock, int rsaBits) {
        return generate(clock, rsaBits, SUBJECT);
    }

    /**
     * @param clock the clock that dates the certificate
     * @param rsaBits the RSA key size
     * @param subject the certificate's subject and issuer DN
     * @return a fresh key and certificate
     */
    public static IdpCredentials generate(Clock clock, int rsaBits, String subject) {
        Objects.requireNonNull(clock, "clock");
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(rsaBits, random);
            KeyPair pair = generator.generateKeyPair();
            Instant notBefore = clock.instant().minus(BACKDATE);
            X500Name name = new X500Name(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random).abs(),
                    Date.from(notBefore), Date.from(notBefore.plus(VALIDITY)), name, pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new IdpCredentials(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the test IdP key", e);
        }
    }

    /** @return the signing key */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the self-signed certificate published in the metadata */
    public X509Certificate certificate() {
        return certificate;
    }
}
