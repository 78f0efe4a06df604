package io.github.cieservlet.tools.cert;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
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
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A compliant public-SP certificate, built with Bouncy Castle independently of {@link CertificateGenerator},
 * that each test breaks in one way before calling {@link #build()}.
 */
final class CertificateRecipe {

    int keyBits = 2048;
    String signatureAlgorithm = "SHA256withRSA";
    final List<Map.Entry<ASN1ObjectIdentifier, String>> subject = new ArrayList<>(List.of(
            Map.entry(BCStyle.C, "IT"), Map.entry(BCStyle.L, "Roma"), Map.entry(BCStyle.O, "Comune di Esempio"),
            Map.entry(BCStyle.CN, "Comune di Esempio"),
            Map.entry(CertificateProfile.URI, "https://servizi.comune.example.it/cie"),
            Map.entry(CertificateProfile.ORGANIZATION_IDENTIFIER, "PA:IT-c_x000")));
    BasicConstraints basicConstraints = new BasicConstraints(false);
    boolean keyUsageCritical = true;
    int keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    final Map<String, String> policies = new LinkedHashMap<>(Map.of(
            "1.3.76.16.6", "agIDcert", "1.3.76.16.4.2.1", "cert_SP_Pub"));
    Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    Duration validity = Duration.ofDays(365);

    /** Removes every subject attribute of that type. */
    CertificateRecipe without(ASN1ObjectIdentifier type) {
        subject.removeIf(entry -> entry.getKey().equals(type));
        return this;
    }

    /** Replaces the subject attributes of that type with one of this value. */
    CertificateRecipe with(ASN1ObjectIdentifier type, String value) {
        without(type);
        subject.add(Map.entry(type, value));
        return this;
    }

    X509Certificate build() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(keyBits);
        KeyPair pair = generator.generateKeyPair();
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        subject.forEach(entry -> name.addRDN(entry.getKey(), entry.getValue()));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name.build(), BigInteger.TEN,
                Date.from(notBefore), Date.from(notBefore.plus(validity)), name.build(), pair.getPublic());
        if (basicConstraints != null) {
            builder.addExtension(Extension.basicConstraints, false, basicConstraints);
        }
        if (keyUsage != 0) {
            builder.addExtension(Extension.keyUsage, keyUsageCritical, new KeyUsage(keyUsage));
        }
        if (!policies.isEmpty()) {
            List<PolicyInformation> information = new ArrayList<>();
            policies.forEach((oid, text) -> information.add(new PolicyInformation(new ASN1ObjectIdentifier(oid),
                    new DERSequence(new PolicyQualifierInfo(PolicyQualifierId.id_qt_unotice,
                            new UserNotice(null, new DisplayText(text)))))));
            builder.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(information.toArray(PolicyInformation[]::new)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
    }
}
