package io.github.cieservlet.tools.cert;

import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The object identifiers of the SPID/CIE compliant SP certificate profile (Avviso SPID 29 v3). */
public final class CertificateProfile {

    /** Subject commonName: the OrganizationDisplayName. */
    public static final ASN1ObjectIdentifier COMMON_NAME = BCStyle.CN;
    /** Subject organizationName: the full OrganizationName. */
    public static final ASN1ObjectIdentifier ORGANIZATION_NAME = BCStyle.O;
    /** Subject uri: the entity ID. */
    public static final ASN1ObjectIdentifier URI = new ASN1ObjectIdentifier("2.5.4.83");
    /** Subject organizationIdentifier, see {@link OrganizationIdentifier}. */
    public static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = new ASN1ObjectIdentifier("2.5.4.97");
    /** Subject countryName. */
    public static final ASN1ObjectIdentifier COUNTRY = BCStyle.C;
    /** Subject localityName. */
    public static final ASN1ObjectIdentifier LOCALITY = BCStyle.L;
    /**
     * Subject attributes about natural persons, forbidden in a seal: surname, name, givenName, initials,
     * generationQualifier, familyInformation, pseudonym.
     */
    public static final List<ASN1ObjectIdentifier> FORBIDDEN_SUBJECT_ATTRIBUTES = List.of(
            new ASN1ObjectIdentifier("2.5.4.4"), new ASN1ObjectIdentifier("2.5.4.41"),
            new ASN1ObjectIdentifier("2.5.4.42"), new ASN1ObjectIdentifier("2.5.4.43"),
            new ASN1ObjectIdentifier("2.5.4.44"), new ASN1ObjectIdentifier("2.5.4.64"),
            new ASN1ObjectIdentifier("2.5.4.65"));
    /** The agIDcert certificate policy every SP certificate carries. */
    public static final ASN1ObjectIdentifier AGID_POLICY = new ASN1ObjectIdentifier("1.3.76.16.6");
    /** The userNotice explicitText of {@link #AGID_POLICY}. */
    public static final String AGID_EXPLICIT_TEXT = "agIDcert";
    /** Signature algorithm OIDs accepted: sha256WithRSAEncryption and sha512WithRSAEncryption. */
    public static final List<String> SIGNATURE_ALGORITHMS = List.of("1.2.840.113549.1.1.11", "1.2.840.113549.1.1.13");
    /** RSA key sizes keygen offers; the checker accepts any size in between. */
    public static final List<Integer> KEY_SIZES = List.of(2048, 3072, 4096);
    /** Default RSA key size. */
    public static final int DEFAULT_KEY_SIZE = 3072;
    /** Default validity in days. */
    public static final int DEFAULT_VALIDITY_DAYS = 730;

    private CertificateProfile() {
    }
}
