package io.github.cieservlet.config;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The subject of the SP certificate against the configuration, as the federation portal compares them: its
 * {@code uri} (2.5.4.83) must be the entity ID, its {@code organizationName} the organisation's name, and its
 * {@code organizationIdentifier} (2.5.4.97) {@code PA:IT-<IPA code>}, {@code VATIT-<VAT number>} or
 * {@code CF:IT-<fiscal code>}. Read with the JDK alone (no Bouncy Castle at run time).
 */
public final class CertificateSubject {

    private static final String URI = "2.5.4.83";
    private static final String ORGANIZATION_IDENTIFIER = "2.5.4.97";
    private static final Map<String, String> KEYWORDS = Map.of(URI, "URI", ORGANIZATION_IDENTIFIER, "ORGID");

    private final String uri;
    private final String organizationName;
    private final String organizationIdentifier;

    private CertificateSubject(String uri, String organizationName, String organizationIdentifier) {
        this.uri = uri;
        this.organizationName = organizationName;
        this.organizationIdentifier = organizationIdentifier;
    }

    /**
     * @param certificate a certificate
     * @return its subject's uri, organizationName and organizationIdentifier
     */
    public static CertificateSubject of(X509Certificate certificate) {
        String name = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, KEYWORDS);
        String uri = null;
        String organization = null;
        String identifier = null;
        try {
            for (Rdn rdn : new LdapName(name).getRdns()) {
                String type = rdn.getType().toUpperCase(Locale.ROOT);
                String value = String.valueOf(rdn.getValue());
                if ("URI".equals(type)) {
                    uri = value;
                } else if ("O".equals(type)) {
                    organization = value;
                } else if ("ORGID".equals(type)) {
                    identifier = value;
                }
            }
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("unreadable certificate subject " + name, e);
        }
        return new CertificateSubject(uri, organization, identifier);
    }

    /**
     * @param contact the subject type and codes of the organisation
     * @return the organizationIdentifier the rules expect: {@code PA:IT-}, {@code VATIT-} or {@code CF:IT-}
     */
    public static Optional<String> expectedIdentifier(SpContact contact) {
        if (contact.subjectType() == SubjectType.PUBLIC) {
            return contact.ipaCode().map(code -> "PA:IT-" + code);
        }
        Optional<String> vat = contact.vatNumber().map(v -> v.startsWith("IT") ? v.substring(2) : v);
        return vat.isPresent() ? vat.map(v -> "VATIT-" + v) : contact.fiscalCode().map(code -> "CF:IT-" + code);
    }

    /**
     * @param entityId the configured entity ID
     * @param organizationName the configured organisation name
     * @param identifier the expected organizationIdentifier, if known
     * @return one sentence per difference, each saying how to fix it; empty when the subject matches
     */
    public List<String> mismatches(String entityId, String organizationName, Optional<String> identifier) {
        List<String> problems = new ArrayList<>();
        String fix = "; make a new certificate with the configured values (java -jar cie-servlet-tools.jar keygen"
                + " --entity-id ... --organization-name ...) or correct the configuration";
        if (!entityId.equals(uri)) {
            problems.add("the certificate subject uri (2.5.4.83) is " + quoted(uri) + ", not the entity ID "
                    + quoted(entityId) + fix);
        }
        if (!organizationName.equals(organizationName())) {
            problems.add("the certificate subject organizationName (O) is " + quoted(organizationName()) + ", not "
                    + quoted(organizationName) + fix);
        }
        if (identifier.isPresent() && !identifier.get().equals(organizationIdentifier)) {
            problems.add("the certificate subject organizationIdentifier (2.5.4.97) is " + quoted(organizationIdentifier)
                    + ", not " + quoted(identifier.get()) + fix);
        }
        return problems;
    }

    /** @return the subject's uri, or null */
    public String uri() {
        return uri;
    }

    /** @return the subject's organizationName, or null */
    public String organizationName() {
        return organizationName;
    }

    /** @return the subject's organizationIdentifier, or null */
    public String organizationIdentifier() {
        return organizationIdentifier;
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
