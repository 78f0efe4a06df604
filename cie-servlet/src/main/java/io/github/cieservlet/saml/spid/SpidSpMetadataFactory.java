package io.github.cieservlet.saml.spid;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.EidasAttributeSet;
import io.github.cieservlet.config.SpContact;
import io.github.cieservlet.config.SpidBilling;
import io.github.cieservlet.config.SpidSettings;
import io.github.cieservlet.config.SubjectType;
import io.github.cieservlet.saml.AuthnRequestFactory;
import io.github.cieservlet.saml.SpMetadataParts;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.Namespace;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.saml.saml2.metadata.ContactPersonTypeEnumeration;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Extensions;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;

/**
 * Builds and signs, once, the SPID metadata of the service provider (Avviso SPID 29 v3), served at
 * {@code /cie/metadata/spid} and registered with AgID: the shared {@link SpMetadataParts} (same entity ID, key,
 * endpoints and Organization as the CIE metadata; one default ACS index 0), the AttributeConsumingService
 * index 0 with {@code cie.spid.attributes}, with eIDAS also indexes 99 and 100 (the FICEP minimum and full
 * sets), the ContactPerson {@code other} with the {@code spid:} extensions (Public + IPACode, or Private +
 * VATNumber/FiscalCode), and for private subjects the {@code billing} ContactPerson with the FatturaPA
 * {@code CessionarioCommittente}.
 */
public final class SpidSpMetadataFactory {

    /** Namespace of the SPID metadata extensions. */
    public static final String SPID_NS = "https://spid.gov.it/saml-extensions";
    /** Namespace of the SPID invoicing (FatturaPA) extensions of the billing contact. */
    public static final String INVOICING_NS = "https://spid.gov.it/invoicing-extensions";
    /** ServiceName of AttributeConsumingService 99. */
    public static final String EIDAS_MINIMUM_SERVICE_NAME = "eIDAS Natural Person Minimum Attribute Set";
    /** ServiceName of AttributeConsumingService 100. */
    public static final String EIDAS_FULL_SERVICE_NAME = "eIDAS Natural Person Full Attribute Set";

    private static final Namespace SPID = new Namespace(SPID_NS, "spid");
    private static final Namespace FPA = new Namespace(INVOICING_NS, "fpa");

    private final String signedXml;

    /**
     * @param settings the SP settings, with SPID or eIDAS enabled ({@link #isPublished})
     * @throws IllegalArgumentException when neither is enabled, or a private subject has no billing contact
     */
    public SpidSpMetadataFactory(CieSettings settings) {
        if (!isPublished(settings.spid())) {
            throw new IllegalArgumentException("the SPID metadata needs spid or eidas in cie.schemes");
        }
        boolean isPrivate = settings.contact().subjectType() == SubjectType.PRIVATE;
        EntityDescriptor entity = isPrivate ? SpMetadataParts.entityDescriptor(settings, "spid", SPID, FPA)
                : SpMetadataParts.entityDescriptor(settings, "spid", SPID);
        SPSSODescriptor sp = SpMetadataParts.spSsoDescriptor(entity);
        sp.getAttributeConsumingServices().add(SpMetadataParts.attributeConsumingService(
                AuthnRequestFactory.METADATA_INDEX, settings.serviceName(), settings.spid().spidAttributes()));
        if (settings.spid().enables(LoginScheme.EIDAS)) {
            sp.getAttributeConsumingServices().add(SpMetadataParts.attributeConsumingService(
                    EidasAttributeSet.MINIMUM.index(), EIDAS_MINIMUM_SERVICE_NAME, EidasAttributeSet.MINIMUM.attributes()));
            sp.getAttributeConsumingServices().add(SpMetadataParts.attributeConsumingService(
                    EidasAttributeSet.FULL.index(), EIDAS_FULL_SERVICE_NAME, EidasAttributeSet.FULL.attributes()));
        }
        String company = settings.organization().name();
        entity.getContactPersons().add(SpMetadataParts.contact(ContactPersonTypeEnumeration.OTHER,
                otherExtensions(settings.contact()), company, settings.contact().email(), settings.contact().phone()));
        if (isPrivate) {
            SpidBilling billing = settings.spidBilling().orElseThrow(() -> new IllegalArgumentException(
                    "a private subject's SPID metadata needs the billing contact (cie.spid.billing.*)"));
            entity.getContactPersons().add(SpMetadataParts.contact(ContactPersonTypeEnumeration.BILLING,
                    billingExtensions(settings.contact(), company, billing), company, billing.email(), billing.phone()));
        }
        this.signedXml = SpMetadataParts.signedXml(settings, entity);
    }

    /**
     * @param spid the schemes
     * @return whether the SPID metadata is published: SPID or eIDAS (FICEP is a SPID IdP) enabled
     */
    public static boolean isPublished(SpidSettings spid) {
        return spid.enables(LoginScheme.SPID) || spid.enables(LoginScheme.EIDAS);
    }

    /** @return the signed metadata document, the same string on every call */
    public String signedXml() {
        return signedXml;
    }

    private static Extensions otherExtensions(SpContact contact) {
        Extensions extensions = SpMetadataParts.extensions();
        List<XMLObject> children = extensions.getUnknownXMLObjects();
        addIfPresent(children, "IPACode", contact.ipaCode());
        addIfPresent(children, "VATNumber", contact.vatNumber());
        addIfPresent(children, "FiscalCode", contact.fiscalCode());
        children.add(SpMetadataParts.element(SPID, contact.subjectType() == SubjectType.PUBLIC ? "Public" : "Private",
                null));
        return extensions;
    }

    private static void addIfPresent(List<XMLObject> children, String name, Optional<String> value) {
        value.ifPresent(text -> children.add(SpMetadataParts.element(SPID, name, text)));
    }

    /** FatturaPA CessionarioCommittente: who is invoiced (DatiAnagrafici) and where (Sede). */
    private static Extensions billingExtensions(SpContact contact, String company, SpidBilling billing) {
        XSAny registry = invoicing("DatiAnagrafici", null);
        contact.vatNumber().ifPresent(vat -> {
            XSAny vatId = invoicing("IdFiscaleIVA", null);
            vatId.getUnknownXMLObjects().add(invoicing("IdPaese", vat.substring(0, 2)));
            vatId.getUnknownXMLObjects().add(invoicing("IdCodice", vat.substring(2)));
            registry.getUnknownXMLObjects().add(vatId);
        });
        contact.fiscalCode().ifPresent(code -> registry.getUnknownXMLObjects().add(invoicing("CodiceFiscale", code)));
        XSAny name = invoicing("Anagrafica", null);
        name.getUnknownXMLObjects().add(invoicing("Denominazione", company));
        registry.getUnknownXMLObjects().add(name);

        XSAny office = invoicing("Sede", null);
        office.getUnknownXMLObjects().add(invoicing("Indirizzo", billing.address()));
        billing.streetNumber().ifPresent(n -> office.getUnknownXMLObjects().add(invoicing("NumeroCivico", n)));
        office.getUnknownXMLObjects().add(invoicing("CAP", billing.postalCode()));
        office.getUnknownXMLObjects().add(invoicing("Comune", billing.city()));
        billing.province().ifPresent(p -> office.getUnknownXMLObjects().add(invoicing("Provincia", p)));
        office.getUnknownXMLObjects().add(invoicing("Nazione", billing.country()));

        XSAny customer = invoicing("CessionarioCommittente", null);
        customer.getUnknownXMLObjects().add(registry);
        customer.getUnknownXMLObjects().add(office);
        Extensions extensions = SpMetadataParts.extensions();
        extensions.getUnknownXMLObjects().add(customer);
        return extensions;
    }

    private static XSAny invoicing(String localName, String text) {
        return SpMetadataParts.element(FPA, localName, text);
    }
}
