package io.github.cieservlet.tools.cert;

import io.github.cieservlet.config.SpCredentials;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DisplayText;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.UserNotice;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a fresh RSA key and a self-signed certificate following the compliant SP certificate profile: the six
 * subject attributes, basicConstraints CA:FALSE, critical keyUsage digitalSignature + nonRepudiation, the
 * agIDcert and sector certificate policies, sha256WithRSAEncryption.
 */
public final class CertificateGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateGenerator() {
    }

    /**
     * @param spec what goes into the certificate
     * @param now the start of validity
     * @return the new key and its certificate
     */
    public static SpCredentials generate(CertificateSpec spec, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(spec.keyBits(), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
            X500Name subject = subject(spec);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notBefore.plus(Duration.ofDays(spec.validityDays()))), subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation[] {
                    policy(CertificateProfile.AGID_POLICY, CertificateProfile.AGID_EXPLICIT_TEXT),
                    policy(spec.sector().policy(), spec.sector().explicitText())}));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            return new SpCredentials(pair.getPrivate(), new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()))));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the key and certificate", e);
        }
    }

    private static X500Name subject(CertificateSpec spec) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(CertificateProfile.COUNTRY, spec.country())
                .addRDN(CertificateProfile.LOCALITY, spec.locality())
                .addRDN(CertificateProfile.ORGANIZATION_NAME, spec.organizationName())
                .addRDN(CertificateProfile.COMMON_NAME, spec.displayName())
                .addRDN(CertificateProfile.URI, spec.entityId())
                .addRDN(CertificateProfile.ORGANIZATION_IDENTIFIER, spec.organizationIdentifier())
                .build();
    }

    private static PolicyInformation policy(ASN1ObjectIdentifier oid, String explicitText) {
        UserNotice notice = new UserNotice(null, new DisplayText(DisplayText.CONTENT_TYPE_UTF8STRING, explicitText));
        return new PolicyInformation(oid, new DERSequence(new PolicyQualifierInfo(PolicyQualifierId.id_qt_unotice, notice)));
    }
}
