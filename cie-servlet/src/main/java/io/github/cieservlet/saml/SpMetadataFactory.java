package io.github.cieservlet.saml;

import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.SpContact;
import io.github.cieservlet.config.SubjectType;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.Namespace;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.metadata.ContactPersonTypeEnumeration;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Extensions;

/**
 * Builds and signs, once, the SP metadata to upload to the CIE federation portal: the shared
 * {@link SpMetadataParts} (SPSSODescriptor with ACS index 0, Organization), the AttributeConsumingService index 0
 * with the eIDAS minimum dataset, and the administrative ContactPerson with its {@code cie:} extensions. The
 * document is signed last, with an enveloped signature, over the final DOM.
 */
public final class SpMetadataFactory {

    /** Namespace of the CIE contact extensions. */
    public static final String CIE_NS = "https://www.cartaidentita.interno.gov.it/saml-extensions";
    /** Prefix of the CIE namespace, declared once on the root. */
    public static final String CIE_PREFIX = "cie";
    /** The attributes requested: the eIDAS minimum dataset, the only ones CIE releases. */
    public static final List<String> REQUESTED_ATTRIBUTES = List.of("name", "familyName", "dateOfBirth", "fiscalNumber");

    private static final Namespace CIE = new Namespace(CIE_NS, CIE_PREFIX);

    private final String signedXml;

    /**
     * @param settings the SP settings (entity ID, endpoints, credentials, service name, organisation, contact)
     */
    public SpMetadataFactory(CieSettings settings) {
        EntityDescriptor entity = SpMetadataParts.entityDescriptor(settings, "", CIE);
        SpMetadataParts.spSsoDescriptor(entity).getAttributeConsumingServices().add(SpMetadataParts
                .attributeConsumingService(AuthnRequestFactory.METADATA_INDEX, settings.serviceName(), REQUESTED_ATTRIBUTES));
        entity.getContactPersons().add(SpMetadataParts.contact(ContactPersonTypeEnumeration.ADMINISTRATIVE,
                cieExtensions(settings.contact()), settings.organization().name(), settings.contact().email(),
                settings.contact().phone()));
        this.signedXml = SpMetadataParts.signedXml(settings, entity);
    }

    /** @return the signed metadata document, the same string on every call */
    public String signedXml() {
        return signedXml;
    }

    private static Extensions cieExtensions(SpContact contact) {
        Extensions extensions = SpMetadataParts.extensions();
        List<XMLObject> children = extensions.getUnknownXMLObjects();
        children.add(SpMetadataParts.element(CIE, contact.subjectType() == SubjectType.PUBLIC ? "Public" : "Private", null));
        addIfPresent(children, "IPACode", contact.ipaCode());
        addIfPresent(children, "IPACategory", contact.ipaCategory());
        addIfPresent(children, "VATNumber", contact.vatNumber());
        addIfPresent(children, "FiscalCode", contact.fiscalCode());
        addIfPresent(children, "NACE2Code", contact.nace2Code());
        children.add(SpMetadataParts.element(CIE, "Municipality", contact.municipality()));
        addIfPresent(children, "Province", contact.province());
        addIfPresent(children, "Country", contact.country());
        return extensions;
    }

    private static void addIfPresent(List<XMLObject> children, String name, Optional<String> value) {
        value.ifPresent(text -> children.add(SpMetadataParts.element(CIE, name, text)));
    }
}
