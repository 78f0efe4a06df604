package io.github.cieservlet.tools.cert;

import io.github.cieservlet.tools.Report;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.UserNotice;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** Checks a certificate against every {@link CertRule} of the compliant SP certificate profile. */
public final class CertificateChecker {

    /** A certificate expiring sooner than this passes with a warning. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private static final int[] KEY_USAGE_BITS = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation,
        KeyUsage.keyEncipherment, KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign,
        KeyUsage.cRLSign, KeyUsage.encipherOnly, KeyUsage.decipherOnly};

    private final X509CertificateHolder holder;
    private final X509Certificate certificate;
    private final Report report = new Report();

    private CertificateChecker(X509Certificate certificate) {
        this.certificate = certificate;
        try {
            this.holder = new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    /**
     * @param certificate the certificate
     * @param now the time validity is checked at
     * @return one result per rule
     */
    public static Report check(X509Certificate certificate, Instant now) {
        return new CertificateChecker(certificate).run(now);
    }

    private Report run(Instant now) {
        checkKey();
        report.check(CertRule.SIGNATURE_ALGORITHM, CertificateProfile.SIGNATURE_ALGORITHMS.contains(certificate.getSigAlgOID())
                ? List.of() : List.of("signed with " + certificate.getSigAlgName()));
        X500Name subject = holder.getSubject();
        single(subject, CertRule.COMMON_NAME, CertificateProfile.COMMON_NAME);
        single(subject, CertRule.ORGANIZATION_NAME, CertificateProfile.ORGANIZATION_NAME);
        checkUri(single(subject, null, CertificateProfile.URI));
        Optional<String> organizationId = single(subject, null, CertificateProfile.ORGANIZATION_IDENTIFIER);
        checkOrganizationIdentifier(subject, organizationId);
        single(subject, null, CertificateProfile.COUNTRY).ifPresentOrElse(
                c -> report.check(CertRule.COUNTRY, c.matches("[A-Z]{2}") ? List.of() : List.of("'" + c + "' is not two upper-case letters")),
                () -> report.fail(CertRule.COUNTRY, missingOrRepeated(subject, CertificateProfile.COUNTRY)));
        single(subject, CertRule.LOCALITY, CertificateProfile.LOCALITY);
        checkForbidden(subject);
        checkBasicConstraints();
        checkKeyUsage();
        checkPolicies(organizationId.flatMap(OrganizationIdentifier::sectorOf));
        checkValidity(now);
        return report;
    }

    private void checkKey() {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)) {
            report.fail(CertRule.KEY, "the key is " + certificate.getPublicKey().getAlgorithm() + ", not RSA");
            return;
        }
        int bits = rsa.getModulus().bitLength();
        report.check(CertRule.KEY, bits >= 2048 && bits <= 4096 ? List.of() : List.of("the key is " + bits + " bits"));
    }

    /** Reports the rule (when given) and returns the value when the attribute is there exactly once and not blank. */
    private Optional<String> single(X500Name subject, CertRule rule, ASN1ObjectIdentifier type) {
        List<String> values = values(subject, type);
        Optional<String> value = values.size() == 1 && !values.get(0).isBlank() ? Optional.of(values.get(0)) : Optional.empty();
        if (rule != null) {
            report.check(rule, value.isPresent() ? List.of() : List.of(missingOrRepeated(subject, type)));
        }
        return value;
    }

    private static String missingOrRepeated(X500Name subject, ASN1ObjectIdentifier type) {
        int count = values(subject, type).size();
        return count == 0 ? "missing from the subject" : count > 1 ? "appears " + count + " times" : "is empty";
    }

    private void checkUri(Optional<String> uri) {
        if (uri.isEmpty()) {
            report.fail(CertRule.URI, missingOrRepeated(holder.getSubject(), CertificateProfile.URI));
            return;
        }
        try {
            report.check(CertRule.URI, new URI(uri.get()).isAbsolute() ? List.of() : List.of("'" + uri.get() + "' is not an absolute URI"));
        } catch (URISyntaxException e) {
            report.fail(CertRule.URI, "'" + uri.get() + "' is not a URI");
        }
    }

    private void checkOrganizationIdentifier(X500Name subject, Optional<String> value) {
        if (value.isEmpty()) {
            report.fail(CertRule.ORGANIZATION_IDENTIFIER, missingOrRepeated(subject, CertificateProfile.ORGANIZATION_IDENTIFIER));
        } else {
            report.check(CertRule.ORGANIZATION_IDENTIFIER, OrganizationIdentifier.sectorOf(value.get()).isPresent()
                    ? List.of() : List.of("'" + value.get() + "' has none of the accepted forms"));
        }
    }

    private void checkForbidden(X500Name subject) {
        List<String> found = new ArrayList<>();
        for (ASN1ObjectIdentifier type : CertificateProfile.FORBIDDEN_SUBJECT_ATTRIBUTES) {
            if (!values(subject, type).isEmpty()) {
                found.add(type.getId() + " is present");
            }
        }
        report.check(CertRule.FORBIDDEN_ATTRIBUTES, found);
    }

    private void checkBasicConstraints() {
        Extension extension = holder.getExtension(Extension.basicConstraints);
        if (extension == null) {
            report.fail(CertRule.BASIC_CONSTRAINTS, "basicConstraints is missing");
        } else {
            report.check(CertRule.BASIC_CONSTRAINTS, BasicConstraints.getInstance(extension.getParsedValue()).isCA()
                    ? List.of("the certificate is a CA (CA:TRUE)") : List.of());
        }
    }

    private void checkKeyUsage() {
        Extension extension = holder.getExtension(Extension.keyUsage);
        if (extension == null) {
            report.fail(CertRule.KEY_USAGE, "keyUsage is missing");
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!extension.isCritical()) {
            problems.add("keyUsage is not critical");
        }
        KeyUsage usage = KeyUsage.getInstance(extension.getParsedValue());
        int wanted = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        for (int bit : KEY_USAGE_BITS) {
            boolean expected = (wanted & bit) != 0;
            if (usage.hasUsages(bit) != expected) {
                problems.add((expected ? "missing " : "unexpected ") + usageName(bit));
            }
        }
        report.check(CertRule.KEY_USAGE, problems);
    }

    private static String usageName(int bit) {
        String[] names = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
            "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
        for (int i = 0; i < KEY_USAGE_BITS.length; i++) {
            if (KEY_USAGE_BITS[i] == bit) {
                return names[i];
            }
        }
        throw new IllegalArgumentException("not a key usage bit: " + bit);
    }

    private void checkPolicies(Optional<Sector> sector) {
        Extension extension = holder.getExtension(Extension.certificatePolicies);
        List<PolicyInformation> policies = extension == null ? List.of()
                : List.of(CertificatePolicies.getInstance(extension.getParsedValue()).getPolicyInformation());
        report.check(CertRule.AGID_POLICY, policyProblems(policies, CertificateProfile.AGID_POLICY, CertificateProfile.AGID_EXPLICIT_TEXT));
        if (sector.isEmpty()) {
            report.fail(CertRule.SECTOR_POLICY, "no valid organizationIdentifier tells whether the SP is public or private");
            return;
        }
        List<String> problems = new ArrayList<>(policyProblems(policies, sector.get().policy(), sector.get().explicitText()));
        for (Sector other : Sector.values()) {
            if (other != sector.get() && find(policies, other.policy()).isPresent()) {
                problems.add("policy " + other.policy().getId() + " is for " + other.name().toLowerCase(Locale.ROOT) + " SPs, but the"
                        + " organizationIdentifier is of a " + sector.get().name().toLowerCase(Locale.ROOT) + " one");
            }
        }
        report.check(CertRule.SECTOR_POLICY, problems);
    }

    private static List<String> policyProblems(List<PolicyInformation> policies, ASN1ObjectIdentifier oid, String explicitText) {
        Optional<PolicyInformation> policy = find(policies, oid);
        if (policy.isEmpty()) {
            return List.of("policy " + oid.getId() + " is missing");
        }
        ASN1Sequence qualifiers = policy.get().getPolicyQualifiers();
        if (qualifiers != null) {
            for (ASN1Encodable element : qualifiers) {
                PolicyQualifierInfo qualifier = PolicyQualifierInfo.getInstance(element);
                if (PolicyQualifierId.id_qt_unotice.equals(qualifier.getPolicyQualifierId())) {
                    UserNotice notice = UserNotice.getInstance(qualifier.getQualifier());
                    if (notice.getExplicitText() != null && explicitText.equals(notice.getExplicitText().getString())) {
                        return List.of();
                    }
                }
            }
        }
        return List.of("policy " + oid.getId() + " has no userNotice with explicitText " + explicitText);
    }

    private static Optional<PolicyInformation> find(List<PolicyInformation> policies, ASN1ObjectIdentifier oid) {
        return policies.stream().filter(p -> oid.equals(p.getPolicyIdentifier())).findFirst();
    }

    private void checkValidity(Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            report.fail(CertRule.VALIDITY, "not valid before " + notBefore);
        } else if (now.isAfter(notAfter)) {
            report.fail(CertRule.VALIDITY, "expired on " + notAfter + "; make a new key and upload new metadata");
        } else if (now.plus(EXPIRY_WARNING).isAfter(notAfter)) {
            report.warn(CertRule.VALIDITY, "expires on " + notAfter + "; plan the renewal and the metadata upload");
        } else {
            report.pass(CertRule.VALIDITY);
        }
    }

    private static List<String> values(X500Name subject, ASN1ObjectIdentifier type) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (type.equals(attribute.getType())) {
                    values.add(attribute.getValue() instanceof ASN1String text ? text.getString()
                            : IETFUtils.valueToString(attribute.getValue()));
                }
            }
        }
        return values;
    }
}
