package io.github.cieservlet.saml;

import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.SpContact;
import io.github.cieservlet.config.SpOrganization;
import io.github.cieservlet.config.SubjectType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.Namespace;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.impl.XSAnyBuilder;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.AttributeConsumingService;
import org.opensaml.saml.saml2.metadata.Company;
import org.opensaml.saml.saml2.metadata.ContactPerson;
import org.opensaml.saml.saml2.metadata.ContactPersonTypeEnumeration;
import org.opensaml.saml.saml2.metadata.EmailAddress;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Extensions;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.Organization;
import org.opensaml.saml.saml2.metadata.OrganizationDisplayName;
import org.opensaml.saml.saml2.metadata.OrganizationName;
import org.opensaml.saml.saml2.metadata.OrganizationURL;
import org.opensaml.saml.saml2.metadata.RequestedAttribute;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.ServiceName;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.TelephoneNumber;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Builds and signs, once, the SP metadata to upload to the CIE federation portal: one EntityDescriptor with
 * an SPSSODescriptor (signed requests, signed assertions wanted, the signing certificate, an HTTP-Redirect
 * SingleLogoutService, transient NameID, ACS index 0 over HTTP-POST, AttributeConsumingService index 0 with
 * the eIDAS minimum dataset), the Organization, and the administrative ContactPerson with its {@code cie:}
 * extensions. The document is signed last, with an enveloped signature, over the final DOM.
 */
public final class SpMetadataFactory {

    /** Namespace of the CIE contact extensions. */
    public static final String CIE_NS = "https://www.cartaidentita.interno.gov.it/saml-extensions";
    /** Prefix of the CIE namespace, declared once on the root. */
    public static final String CIE_PREFIX = "cie";
    /** The attributes requested: the eIDAS minimum dataset, the only ones CIE releases. */
    public static final List<String> REQUESTED_ATTRIBUTES = List.of("name", "familyName", "dateOfBirth", "fiscalNumber");

    private static final String LANG = "it";

    private final String signedXml;

    /**
     * @param settings the SP settings (entity ID, endpoints, credentials, service name, organisation, contact)
     */
    public SpMetadataFactory(CieSettings settings) {
        EntityDescriptor entity = entityDescriptor(settings);
        XmlSigner signer = new XmlSigner(settings.credentials().privateKey(), settings.credentials().certificate());
        this.signedXml = SecureXml.toXml(signer.sign(entity));
    }

    /** @return the signed metadata document, the same string on every call */
    public String signedXml() {
        return signedXml;
    }

    private static EntityDescriptor entityDescriptor(CieSettings settings) {
        EntityDescriptor entity = SamlObjects.build(EntityDescriptor.DEFAULT_ELEMENT_NAME, EntityDescriptor.class);
        entity.getNamespaceManager().registerNamespaceDeclaration(
                new Namespace(SignatureConstants.XMLSIG_NS, SignatureConstants.XMLSIG_PREFIX));
        entity.getNamespaceManager().registerNamespaceDeclaration(new Namespace(CIE_NS, CIE_PREFIX));
        entity.setEntityID(settings.entityId());
        entity.setID(stableId(settings.entityId()));
        entity.getRoleDescriptors().add(spSsoDescriptor(settings));
        entity.setOrganization(organization(settings.organization()));
        entity.getContactPersons().add(administrativeContact(settings.contact(), settings.organization()));
        return entity;
    }

    private static SPSSODescriptor spSsoDescriptor(CieSettings settings) {
        SPSSODescriptor sp = SamlObjects.build(SPSSODescriptor.DEFAULT_ELEMENT_NAME, SPSSODescriptor.class);
        sp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        sp.setAuthnRequestsSigned(Boolean.TRUE);
        sp.setWantAssertionsSigned(Boolean.TRUE);
        sp.getKeyDescriptors().add(MetadataKeys.signingKey(settings.credentials().certificate()));
        settings.nextCredentials().ifPresent(next -> sp.getKeyDescriptors().add(MetadataKeys.signingKey(next.certificate())));

        SingleLogoutService slo = SamlObjects.build(SingleLogoutService.DEFAULT_ELEMENT_NAME,
                SingleLogoutService.class);
        slo.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        slo.setLocation(settings.endpoints().sloUrl());
        sp.getSingleLogoutServices().add(slo);

        NameIDFormat nameIdFormat = SamlObjects.build(NameIDFormat.DEFAULT_ELEMENT_NAME, NameIDFormat.class);
        nameIdFormat.setURI(NameIDType.TRANSIENT);
        sp.getNameIDFormats().add(nameIdFormat);

        AssertionConsumerService acs = SamlObjects.build(AssertionConsumerService.DEFAULT_ELEMENT_NAME,
                AssertionConsumerService.class);
        acs.setIndex(AuthnRequestFactory.METADATA_INDEX);
        acs.setIsDefault(Boolean.TRUE);
        acs.setBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        acs.setLocation(settings.endpoints().acsUrl());
        sp.getAssertionConsumerServices().add(acs);

        sp.getAttributeConsumingServices().add(attributeConsumingService(settings.serviceName()));
        return sp;
    }

    private static AttributeConsumingService attributeConsumingService(String serviceName) {
        AttributeConsumingService service = SamlObjects.build(AttributeConsumingService.DEFAULT_ELEMENT_NAME,
                AttributeConsumingService.class);
        service.setIndex(AuthnRequestFactory.METADATA_INDEX);
        ServiceName name = SamlObjects.build(ServiceName.DEFAULT_ELEMENT_NAME, ServiceName.class);
        name.setValue(serviceName);
        name.setXMLLang(LANG);
        service.getNames().add(name);
        for (String attributeName : REQUESTED_ATTRIBUTES) {
            RequestedAttribute attribute = SamlObjects.build(RequestedAttribute.DEFAULT_ELEMENT_NAME,
                    RequestedAttribute.class);
            attribute.setName(attributeName);
            attribute.setNameFormat(Attribute.BASIC);
            service.getRequestedAttributes().add(attribute);
        }
        return service;
    }

    private static Organization organization(SpOrganization data) {
        OrganizationName name = SamlObjects.build(OrganizationName.DEFAULT_ELEMENT_NAME, OrganizationName.class);
        name.setValue(data.name());
        name.setXMLLang(LANG);
        OrganizationDisplayName displayName = SamlObjects.build(OrganizationDisplayName.DEFAULT_ELEMENT_NAME,
                OrganizationDisplayName.class);
        displayName.setValue(data.displayName());
        displayName.setXMLLang(LANG);
        OrganizationURL url = SamlObjects.build(OrganizationURL.DEFAULT_ELEMENT_NAME, OrganizationURL.class);
        url.setURI(data.url());
        url.setXMLLang(LANG);
        Organization organization = SamlObjects.build(Organization.DEFAULT_ELEMENT_NAME, Organization.class);
        organization.getOrganizationNames().add(name);
        organization.getDisplayNames().add(displayName);
        organization.getURLs().add(url);
        return organization;
    }

    private static ContactPerson administrativeContact(SpContact contact, SpOrganization organization) {
        ContactPerson person = SamlObjects.build(ContactPerson.DEFAULT_ELEMENT_NAME, ContactPerson.class);
        person.setType(ContactPersonTypeEnumeration.ADMINISTRATIVE);
        person.setExtensions(cieExtensions(contact));
        Company company = SamlObjects.build(Company.DEFAULT_ELEMENT_NAME, Company.class);
        company.setValue(organization.name());
        person.setCompany(company);
        EmailAddress email = SamlObjects.build(EmailAddress.DEFAULT_ELEMENT_NAME, EmailAddress.class);
        email.setURI(contact.email());
        person.getEmailAddresses().add(email);
        contact.phone().ifPresent(number -> {
            TelephoneNumber phone = SamlObjects.build(TelephoneNumber.DEFAULT_ELEMENT_NAME, TelephoneNumber.class);
            phone.setValue(number);
            person.getTelephoneNumbers().add(phone);
        });
        return person;
    }

    private static Extensions cieExtensions(SpContact contact) {
        Extensions extensions = SamlObjects.build(Extensions.DEFAULT_ELEMENT_NAME, Extensions.class);
        List<XMLObject> children = extensions.getUnknownXMLObjects();
        children.add(cieElement(contact.subjectType() == SubjectType.PUBLIC ? "Public" : "Private", null));
        addIfPresent(children, "IPACode", contact.ipaCode());
        addIfPresent(children, "IPACategory", contact.ipaCategory());
        addIfPresent(children, "VATNumber", contact.vatNumber());
        addIfPresent(children, "FiscalCode", contact.fiscalCode());
        addIfPresent(children, "NACE2Code", contact.nace2Code());
        children.add(cieElement("Municipality", contact.municipality()));
        addIfPresent(children, "Province", contact.province());
        addIfPresent(children, "Country", contact.country());
        return extensions;
    }

    private static void addIfPresent(List<XMLObject> children, String name,
            Optional<String> value) {
        value.ifPresent(text -> children.add(cieElement(name, text)));
    }

    private static XSAny cieElement(String localName, String text) {
        XSAny element = new XSAnyBuilder().buildObject(CIE_NS, localName, CIE_PREFIX);
        element.setTextContent(text);
        return element;
    }

    /** The same entity ID gives the same ID, so the document only changes when its content does. */
    private static String stableId(String entityId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entityId.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("_");
            for (int i = 0; i < 16; i++) {
                id.append(String.format("%02x", digest[i]));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
