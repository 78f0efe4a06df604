package io.github.cieservlet.saml;

import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.SpOrganization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.Namespace;
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
 * The pieces every SP metadata document of this library shares, CIE ({@link SpMetadataFactory}) or SPID: the
 * EntityDescriptor with a stable ID, the SPSSODescriptor (signed requests, signed assertions wanted, the
 * signing certificates, HTTP-Redirect SingleLogoutService, transient NameID, the one default ACS index 0 over
 * HTTP-POST), AttributeConsumingServices, the Organization in Italian, ContactPersons, extension elements, and
 * the enveloped signature over the final DOM.
 */
public final class SpMetadataParts {

    /** The language of the texts in the metadata. */
    public static final String LANG = "it";

    private SpMetadataParts() {
    }

    /**
     * @param settings the SP settings
     * @param idSeed what the document's stable ID is derived from, besides the entity ID
     * @param namespaces extension namespaces to declare on the root
     * @return the EntityDescriptor with its SPSSODescriptor and Organization, without contacts
     */
    public static EntityDescriptor entityDescriptor(CieSettings settings, String idSeed, Namespace... namespaces) {
        EntityDescriptor entity = SamlObjects.build(EntityDescriptor.DEFAULT_ELEMENT_NAME, EntityDescriptor.class);
        entity.getNamespaceManager().registerNamespaceDeclaration(
                new Namespace(SignatureConstants.XMLSIG_NS, SignatureConstants.XMLSIG_PREFIX));
        for (Namespace namespace : namespaces) {
            entity.getNamespaceManager().registerNamespaceDeclaration(namespace);
        }
        entity.setEntityID(settings.entityId());
        entity.setID(stableId(idSeed + settings.entityId()));
        entity.getRoleDescriptors().add(spSsoDescriptor(settings));
        entity.setOrganization(organization(settings.organization()));
        return entity;
    }

    /**
     * @param entity a document of {@link #entityDescriptor}
     * @return its SPSSODescriptor
     */
    public static SPSSODescriptor spSsoDescriptor(EntityDescriptor entity) {
        return entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
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
        return sp;
    }

    /**
     * @param index its index
     * @param serviceName its ServiceName (in Italian)
     * @param attributes the names of the attributes requested, basic name format
     * @return an AttributeConsumingService
     */
    public static AttributeConsumingService attributeConsumingService(int index, String serviceName,
            List<String> attributes) {
        AttributeConsumingService service = SamlObjects.build(AttributeConsumingService.DEFAULT_ELEMENT_NAME,
                AttributeConsumingService.class);
        service.setIndex(index);
        ServiceName name = SamlObjects.build(ServiceName.DEFAULT_ELEMENT_NAME, ServiceName.class);
        name.setValue(serviceName);
        name.setXMLLang(LANG);
        service.getNames().add(name);
        for (String attributeName : attributes) {
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

    /**
     * @param type the contactType
     * @param extensions its Extensions
     * @param company its Company
     * @param email its EmailAddress
     * @param phone its TelephoneNumber, if any
     * @return a ContactPerson with its children in schema order
     */
    public static ContactPerson contact(ContactPersonTypeEnumeration type, Extensions extensions, String company,
            String email, Optional<String> phone) {
        ContactPerson person = SamlObjects.build(ContactPerson.DEFAULT_ELEMENT_NAME, ContactPerson.class);
        person.setType(type);
        person.setExtensions(extensions);
        Company companyElement = SamlObjects.build(Company.DEFAULT_ELEMENT_NAME, Company.class);
        companyElement.setValue(company);
        person.setCompany(companyElement);
        EmailAddress emailElement = SamlObjects.build(EmailAddress.DEFAULT_ELEMENT_NAME, EmailAddress.class);
        emailElement.setURI(email);
        person.getEmailAddresses().add(emailElement);
        phone.ifPresent(number -> {
            TelephoneNumber telephone = SamlObjects.build(TelephoneNumber.DEFAULT_ELEMENT_NAME, TelephoneNumber.class);
            telephone.setValue(number);
            person.getTelephoneNumbers().add(telephone);
        });
        return person;
    }

    /** @return an empty md:Extensions */
    public static Extensions extensions() {
        return SamlObjects.build(Extensions.DEFAULT_ELEMENT_NAME, Extensions.class);
    }

    /**
     * @param namespace the element's namespace
     * @param localName its local name
     * @param text its text, or null for an empty element
     * @return an extension element with the namespace's prefix declared on the root
     */
    public static XSAny element(Namespace namespace, String localName, String text) {
        XSAny element = new XSAnyBuilder().buildObject(namespace.getNamespaceURI(), localName,
                namespace.getNamespacePrefix());
        element.setTextContent(text);
        return element;
    }

    /**
     * @param settings the SP settings with the signing key
     * @param entity the finished document
     * @return the document signed with an enveloped signature, serialised
     */
    public static String signedXml(CieSettings settings, EntityDescriptor entity) {
        XmlSigner signer = new XmlSigner(settings.credentials().privateKey(), settings.credentials().certificate());
        return SecureXml.toXml(signer.sign(entity));
    }

    /** The same seed gives the same ID, so the document only changes when its content does. */
    private static String stableId(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
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
