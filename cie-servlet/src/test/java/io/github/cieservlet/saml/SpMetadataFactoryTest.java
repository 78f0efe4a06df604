package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.SpContact;
import io.github.cieservlet.config.SubjectType;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.AttributeConsumingService;
import org.opensaml.saml.saml2.metadata.ContactPerson;
import org.opensaml.saml.saml2.metadata.ContactPersonTypeEnumeration;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.RequestedAttribute;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

class SpMetadataFactoryTest {

    private static final String PUBLIC_XML = new SpMetadataFactory(TestSettings.settings()).signedXml();

    private static final CieSettings PRIVATE_SETTINGS = TestSettings.builder()
            .contact(new SpContact(SubjectType.PRIVATE, null, null, "IT12345678901", "12345678901", "62.01.00",
                    "H501", null, null, "info@azienda.example.it", null))
            .build();

    private static void validateSchema(String xml) throws Exception {
        MetadataSchema.validate(SecureXml.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static EntityDescriptor parse(String xml) throws SamlXmlException {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), EntityDescriptor.class);
    }

    private static SPSSODescriptor sp(EntityDescriptor entity) {
        return entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
    }

    private static List<String> cieExtensions(ContactPerson contact) {
        return contact.getExtensions().getUnknownXMLObjects().stream()
                .peek(child -> assertThat(child.getElementQName().getNamespaceURI()).isEqualTo(SpMetadataFactory.CIE_NS))
                .map(child -> child.getElementQName().getLocalPart()
                        + (((XSAny) child).getTextContent() == null ? "" : "=" + ((XSAny) child).getTextContent()))
                .collect(Collectors.toList());
    }

    @Test
    void validatesAgainstTheSaml2MetadataSchema() throws Exception {
        validateSchema(PUBLIC_XML);
        validateSchema(new SpMetadataFactory(PRIVATE_SETTINGS).signedXml());
    }

    @Test
    void schemaCheckIsNotVacuous() {
        String misordered = PUBLIC_XML.replace("<md:Company>Comune di Esempio</md:Company>", "")
                .replace("</md:ContactPerson>", "<md:Company>Comune di Esempio</md:Company></md:ContactPerson>");
        assertThatThrownBy(() -> validateSchema(misordered)).isInstanceOf(SAXException.class);
    }

    @Test
    void signatureVerifiesWithTheSpCertificateAfterParsing() throws Exception {
        EntityDescriptor entity = parse(PUBLIC_XML);
        assertThat(entity.getID()).startsWith("_");
        assertThat(entity.getSignature().getSignatureAlgorithm())
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(EnvelopedSignatureVerifier.isValid(entity, List.of(TestCredentials.sp().certificate()))).isTrue();
        assertThat(EnvelopedSignatureVerifier.isValid(entity, List.of(TestCredentials.attacker().certificate())))
                .isFalse();
    }

    @Test
    void tamperedCopyFailsVerification() throws Exception {
        String tampered = PUBLIC_XML.replace(TestSettings.ACS_URL, "https://evil.example.org/acs");
        assertThat(tampered).isNotEqualTo(PUBLIC_XML);
        assertThat(EnvelopedSignatureVerifier.isValid(parse(tampered), List.of(TestCredentials.sp().certificate())))
                .isFalse();
    }

    @Test
    void signatureIsTheFirstChildOfTheSingleEntityDescriptor() throws Exception {
        Element root = SecureXml.parse(PUBLIC_XML.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("EntityDescriptor");
        assertThat(root.getAttribute("entityID")).isEqualTo(TestSettings.ENTITY_ID);
        Element first = (Element) root.getElementsByTagNameNS("*", "*").item(0);
        assertThat(first.getLocalName()).isEqualTo("Signature");
        assertThat(first.getParentNode()).isSameAs(root);
        assertThat(PUBLIC_XML).doesNotContain("EntitiesDescriptor");
    }

    @Test
    void spSsoDescriptorFollowsTheCieRules() throws Exception {
        SPSSODescriptor sp = sp(parse(PUBLIC_XML));
        assertThat(sp.getSupportedProtocols()).containsExactly(SAMLConstants.SAML20P_NS);
        assertThat(sp.isAuthnRequestsSigned()).isTrue();
        assertThat(sp.getWantAssertionsSigned()).isTrue();

        assertThat(sp.getKeyDescriptors()).hasSize(1);
        KeyDescriptor key = sp.getKeyDescriptors().get(0);
        assertThat(key.getUse()).isEqualTo(UsageType.SIGNING);
        assertThat(KeyInfoSupport.getCertificates(key.getKeyInfo())).containsExactly(TestCredentials.sp().certificate());

        assertThat(sp.getSingleLogoutServices()).extracting(SingleLogoutService::getBinding, SingleLogoutService::getLocation)
                .containsExactly(tuple(SAMLConstants.SAML2_REDIRECT_BINDING_URI,
                        TestSettings.BASE_URL + "/cie/slo"));
        assertThat(sp.getNameIDFormats()).extracting(f -> f.getURI()).containsExactly(NameIDType.TRANSIENT);

        assertThat(sp.getAssertionConsumerServices()).hasSize(1);
        AssertionConsumerService acs = sp.getAssertionConsumerServices().get(0);
        assertThat(acs.getIndex()).isZero();
        assertThat(acs.isDefault()).isTrue();
        assertThat(acs.getBinding()).isEqualTo(SAMLConstants.SAML2_POST_BINDING_URI);
        assertThat(acs.getLocation()).isEqualTo(TestSettings.ACS_URL);
    }

    @Test
    void requestsExactlyTheFourMinimumDatasetAttributes() throws Exception {
        List<AttributeConsumingService> services = sp(parse(PUBLIC_XML)).getAttributeConsumingServices();
        assertThat(services).hasSize(1);
        AttributeConsumingService service = services.get(0);
        assertThat(service.getIndex()).isZero();
        assertThat(service.getNames()).singleElement().satisfies(name -> {
            assertThat(name.getValue()).isEqualTo("Servizi online del Comune di Esempio");
            assertThat(name.getXMLLang()).isEqualTo("it");
        });
        assertThat(service.getRequestedAttributes()).extracting(RequestedAttribute::getName)
                .containsExactlyInAnyOrder("name", "familyName", "dateOfBirth", "fiscalNumber");
        assertThat(service.getRequestedAttributes()).extracting(RequestedAttribute::getNameFormat)
                .containsOnly(Attribute.BASIC);
    }

    @Test
    void organizationIsInItalian() throws Exception {
        EntityDescriptor entity = parse(PUBLIC_XML);
        assertThat(entity.getOrganization().getOrganizationNames()).singleElement()
                .satisfies(n -> assertThat(n.getValue() + "|" + n.getXMLLang()).isEqualTo("Comune di Esempio|it"));
        assertThat(entity.getOrganization().getDisplayNames()).singleElement()
                .satisfies(n -> assertThat(n.getValue() + "|" + n.getXMLLang()).isEqualTo("Comune di Esempio|it"));
        assertThat(entity.getOrganization().getURLs()).singleElement()
                .satisfies(u -> assertThat(u.getURI() + "|" + u.getXMLLang()).isEqualTo("https://www.comune.example.it|it"));
    }

    @Test
    void publicSubjectContactHasCiePublicIpaCodeAndMunicipality() throws Exception {
        EntityDescriptor entity = parse(PUBLIC_XML);
        assertThat(entity.getContactPersons()).hasSize(1);
        ContactPerson contact = entity.getContactPersons().get(0);
        assertThat(contact.getType()).isEqualTo(ContactPersonTypeEnumeration.ADMINISTRATIVE);
        assertThat(cieExtensions(contact))
                .containsExactly("Public", "IPACode=c_x999", "Municipality=X999", "Province=RM", "Country=IT");
        assertThat(contact.getCompany().getValue())
                .isEqualTo(entity.getOrganization().getOrganizationNames().get(0).getValue());
        assertThat(contact.getEmailAddresses()).extracting(e -> e.getURI()).containsExactly("protocollo@comune.example.it");
        assertThat(contact.getTelephoneNumbers()).extracting(t -> t.getValue()).containsExactly("+39061234567");
    }

    @Test
    void privateSubjectContactHasCiePrivateVatFiscalCodeAndNace2() throws Exception {
        EntityDescriptor entity = parse(new SpMetadataFactory(PRIVATE_SETTINGS).signedXml());
        ContactPerson contact = entity.getContactPersons().get(0);
        assertThat(cieExtensions(contact)).containsExactly("Private", "VATNumber=IT12345678901",
                "FiscalCode=12345678901", "NACE2Code=62.01.00", "Municipality=H501");
        assertThat(contact.getCompany().getValue()).isEqualTo("Comune di Esempio");
        assertThat(contact.getTelephoneNumbers()).isEmpty();
    }

    @Test
    void publicAndPrivateMarkersAreEmptyElements() throws Exception {
        XMLObject marker = parse(PUBLIC_XML).getContactPersons().get(0).getExtensions().getUnknownXMLObjects().get(0);
        assertThat(marker.getDOM().hasChildNodes()).isFalse();
    }

    @Test
    void cieNamespaceIsDeclaredOnceOnTheRoot() throws Exception {
        assertThat(PUBLIC_XML.split("xmlns:cie=", -1)).hasSize(2);
        Element root = SecureXml.parse(PUBLIC_XML.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(root.getAttribute("xmlns:cie")).isEqualTo(SpMetadataFactory.CIE_NS);
        assertThat(PUBLIC_XML).contains("<cie:Public/>");
    }

    @Test
    void documentIsBuiltOnceAndIsStableAcrossInstances() {
        SpMetadataFactory factory = new SpMetadataFactory(TestSettings.settings());
        assertThat(factory.signedXml()).isSameAs(factory.signedXml());
        assertThat(factory.signedXml()).isEqualTo(PUBLIC_XML);
    }
}
