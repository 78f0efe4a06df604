package io.github.cieservlet.tools.cert;

/**
 * What goes into a new SP certificate.
 *
 * @param displayName the OrganizationDisplayName, as commonName
 * @param organizationName the full OrganizationName, as organizationName
 * @param entityId the SP entity ID, as uri
 * @param organizationIdentifier see {@link OrganizationIdentifier}; decides the {@link Sector}
 * @param country two-letter country code
 * @param locality full city name
 * @param keyBits RSA key size
 * @param validityDays how long the certificate is valid
 */
public record CertificateSpec(String displayName, String organizationName, String entityId,
        String organizationIdentifier, String country, String locality, int keyBits, int validityDays) {

    /** @return the sector denoted by the organizationIdentifier */
    public Sector sector() {
        return OrganizationIdentifier.sectorOf(organizationIdentifier).orElseThrow(() ->
                new IllegalArgumentException("organizationIdentifier must be " + OrganizationIdentifier.forms()));
    }
}
