package io.github.cieservlet.saml.spid;

import io.github.cieservlet.SpidIdentityProvider;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.EnvelopedSignatureVerifier;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.saml.IdpMetadataParser;
import io.github.cieservlet.saml.IdpMetadataPolicy;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Organization;
import org.opensaml.saml.saml2.metadata.OrganizationDisplayName;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * Reads a SPID identity providers' metadata document (the AgID aggregate {@code spid-entities-idps.xml}, any
 * EntitiesDescriptor, or one EntityDescriptor) into {@link SpidIdpEntry SpidIdpEntries}. An identity provider
 * without a usable SingleSignOnService or signing certificate, or past its {@code validUntil}, is left out with
 * a WARN; a document without any usable one is refused. With signer pins, the document's root must carry a
 * valid enveloped signature by a certificate of its KeyInfo whose SHA-256 fingerprint is pinned.
 */
public final class SpidMetadataDocument {

    private static final Log LOG = Log.of(SpidMetadataDocument.class);

    private SpidMetadataDocument() {
    }

    /**
     * @param xml the metadata document
     * @param signerPins SHA-256 fingerprints of the certificates that may sign the document; empty: unsigned
     *        documents are accepted
     * @param now the current time, for {@code validUntil}
     * @return the usable identity providers, in document order
     * @throws SamlXmlException when the document is not metadata, its signature is missing or wrong while pins
     *         are set, or it has no usable identity provider
     */
    public static List<SpidIdpEntry> parse(byte[] xml, Set<String> signerPins, Instant now) throws SamlXmlException {
        XMLObject root = SecureXml.unmarshall(SecureXml.parse(xml).getDocumentElement(), XMLObject.class);
        if (!signerPins.isEmpty()) {
            checkSignature(root, signerPins);
        }
        List<SpidIdpEntry> entries = new ArrayList<>();
        for (EntityDescriptor entity : IdpMetadataParser.identityProviders(root)) {
            try {
                IdpMetadata metadata = IdpMetadataParser.read(entity);
                if (metadata.validUntil().isPresent() && !metadata.validUntil().get().isAfter(now)) {
                    throw new SamlXmlException("its metadata expired at " + metadata.validUntil().get());
                }
                entries.add(new SpidIdpEntry(metadata,
                        new SpidIdentityProvider(metadata.entityId(), displayName(entity), null)));
            } catch (SamlXmlException | RuntimeException e) {
                LOG.warn("SPID identity provider {} left out: {}", entity.getEntityID(), e.getMessage());
            }
        }
        if (entries.isEmpty()) {
            throw new SamlXmlException("the metadata names no usable SAML 2.0 identity provider");
        }
        return List.copyOf(entries);
    }

    private static void checkSignature(XMLObject root, Set<String> signerPins) throws SamlXmlException {
        if (!(root instanceof SignableSAMLObject) || ((SignableSAMLObject) root).getSignature() == null) {
            throw new SamlXmlException("the metadata is not signed, and signer pins are set");
        }
        SignableSAMLObject signed = (SignableSAMLObject) root;
        Set<String> pins = signerPins.stream().map(IdpMetadataPolicy::normalize).collect(Collectors.toSet());
        List<X509Certificate> pinned = new ArrayList<>();
        try {
            if (signed.getSignature().getKeyInfo() != null) {
                for (X509Certificate certificate : KeyInfoSupport.getCertificates(signed.getSignature().getKeyInfo())) {
                    if (pins.contains(IdpMetadataPolicy.normalize(IdpMetadataPolicy.fingerprint(certificate)))) {
                        pinned.add(certificate);
                    }
                }
            }
        } catch (CertificateException e) {
            throw new SamlXmlException("the certificate of the metadata signature cannot be decoded", e);
        }
        if (pinned.isEmpty()) {
            throw new SamlXmlException("the metadata is not signed by a pinned certificate");
        }
        if (!EnvelopedSignatureVerifier.isValid(signed, pinned)) {
            throw new SamlXmlException("the metadata signature is not valid");
        }
    }

    /** The Italian OrganizationDisplayName, else the first one, else the entity ID. */
    private static String displayName(EntityDescriptor entity) {
        Organization organization = entity.getOrganization();
        if (organization == null || organization.getDisplayNames().isEmpty()) {
            return entity.getEntityID().trim();
        }
        String first = null;
        for (OrganizationDisplayName name : organization.getDisplayNames()) {
            String value = name.getValue() == null ? "" : name.getValue().trim();
            if (!value.isEmpty() && "it".equals(lang(name))) {
                return value;
            }
            first = first == null && !value.isEmpty() ? value : first;
        }
        return first == null ? entity.getEntityID().trim() : first;
    }

    private static String lang(OrganizationDisplayName name) {
        return name.getXMLLang() == null ? "" : name.getXMLLang().toLowerCase(Locale.ROOT);
    }
}
