package io.github.cieservlet.saml.spid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.EidasAttributeSet;
import io.github.cieservlet.saml.EnvelopedSignatureVerifier;
import io.github.cieservlet.saml.MetadataSchema;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.AttributeConsumingService;
import org.opensaml.saml.saml2.metadata.ContactPerson;
import org.opensaml.saml.saml2.metadata.ContactPersonTypeEnumeration;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.RequestedAttribute;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;

class SpidSpMetadataFactoryTest {

    private static final String PUBLIC_SPID = new SpidSpMetadataFactory(SpidTestSettings.publicSubject(LoginScheme.SPID))
            .signedXml();
    private static final String PUBLIC_EIDAS = new SpidSpMetadataFactory(
            SpidTestSettings.publicSubject(LoginScheme.EIDAS)).signedXml();
    private static final String PRIVATE = new SpidSpMetadataFactory(SpidTestSettings.privateSubject()).signedXml();

    private static EntityDescriptor parse(String xml) throws SamlXmlException {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), EntityDescriptor.class);
    }

    private static SPSSODescriptor sp(String xml) throws SamlXmlException {
        return parse(xml).getSPSSODescriptor(SAMLConstants.SAML20P_NS);
    }

    private static ContactPerson contact(String xml, ContactPersonTypeEnumeration type) throws SamlXmlException {
        return parse(xml).getContactPersons().stream().filter(c -> c.getType() == type).findFirst().orElseThrow();
    }

    /** Each extension child as prefix:name=text, in order, children of children nested in brackets. */
    private static String describe(List<XMLObject> children) {
        return children.stream().map(child -> {
            XSAny any = (XSAny) child;
            String text = any.getTextContent() == null ? "" : "=" + any.getTextContent();
            String nested = any.getUnknownXMLObjects().isEmpty() ? "" : "[" + describe(any.getUnknownXMLObjects()) + "]";
            return child.getElementQName().getPrefix() + ":" + child.getElementQName().getLocalPart() + text + nested;
        }).collect(Collectors.joining(" "));
    }

    private static List<String> requested(AttributeConsumingService service) {
        return service.getRequestedAttributes().stream().map(RequestedAttribute::getName).collect(Collectors.toList());
    }

    @Test
    void everyVariantIsSchemaValidAndSignedWithTheSpKeyOverItsOwnId() throws Exception {
        for (String xml : List.of(PUBLIC_SPID, PUBLIC_EIDAS, PRIVATE)) {
            MetadataSchema.validate(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
            assertThat(EnvelopedSignatureVerifier.isValid(parse(xml), List.of(TestCredentials.sp().certificate())))
                    .isTrue();
            assertThat(EnvelopedSignatureVerifier.isValid(parse(xml), List.of(TestCredentials.attacker().certificate())))
                    .isFalse();
        }
    }

    @Test
    void sameEntityIdAndEndpointsAsTheCieMetadataButAnotherDocumentId() throws Exception {
        EntityDescriptor cie = parse(new SpMetadataFactory(TestSettings.settings()).signedXml());
        EntityDescriptor spid = parse(PUBLIC_SPID);
        assertThat(spid.getEntityID()).isEqualTo(cie.getEntityID()).isEqualTo(TestSettings.ENTITY_ID);
        assertThat(spid.getID()).isNotEqualTo(cie.getID()).startsWith("_");
        assertThat(parse(new SpidSpMetadataFactory(SpidTestSettings.publicSubject(LoginScheme.SPID)).signedXml())
                .getID()).isEqualTo(spid.getID());
        assertThat(spid.getOrganization().getOrganizationNames().get(0).getValue()).isEqualTo("Comune di Esempio");
        assertThat(sp(PUBLIC_SPID).getSingleLogoutServices()).extracting(s -> s.getBinding(), s -> s.getLocation())
                .containsExactly(tuple(SAMLConstants.SAML2_REDIRECT_BINDING_URI, TestSettings.BASE_URL + "/cie/slo"));
        assertThat(sp(PUBLIC_SPID).isAuthnRequestsSigned()).isTrue();
    }

    @Test
    void exactlyOneAssertionConsumerServiceIndexZeroDefaultOverPost() throws Exception {
        for (String xml : List.of(PUBLIC_SPID, PUBLIC_EIDAS, PRIVATE)) {
            List<AssertionConsumerService> services = sp(xml).getAssertionConsumerServices();
            assertThat(services).singleElement().satisfies(acs -> {
                assertThat(acs.getIndex()).isZero();
                assertThat(acs.isDefault()).isTrue();
                assertThat(acs.getBinding()).isEqualTo(SAMLConstants.SAML2_POST_BINDING_URI);
                assertThat(acs.getLocation()).isEqualTo(TestSettings.ACS_URL);
            });
        }
    }

    @Test
    void attributeServiceZeroAsksForTheConfiguredSpidAttributes() throws Exception {
        List<AttributeConsumingService> services = sp(PUBLIC_SPID).getAttributeConsumingServices();
        assertThat(services).singleElement().satisfies(service -> {
            assertThat(service.getIndex()).isZero();
            assertThat(service.getNames().get(0).getValue()).isEqualTo("Servizi online del Comune di Esempio");
            assertThat(service.getNames().get(0).getXMLLang()).isEqualTo("it");
            assertThat(requested(service)).isEqualTo(SpidTestSettings.ATTRIBUTES);
        });
    }

    @Test
    void withEidasTheFicepIndexes99And100FollowWithTheirFixedNamesAndSets() throws Exception {
        List<AttributeConsumingService> services = sp(PUBLIC_EIDAS).getAttributeConsumingServices();
        assertThat(services).extracting(AttributeConsumingService::getIndex).containsExactly(0, 99, 100);
        assertThat(services.get(1).getNames().get(0).getValue()).isEqualTo("eIDAS Natural Person Minimum Attribute Set");
        assertThat(requested(services.get(1))).isEqualTo(EidasAttributeSet.MINIMUM.attributes())
                .containsExactlyInAnyOrder("fiscalNumber", "spidCode", "name", "familyName", "dateOfBirth");
        assertThat(services.get(2).getNames().get(0).getValue()).isEqualTo("eIDAS Natural Person Full Attribute Set");
        assertThat(requested(services.get(2))).isEqualTo(EidasAttributeSet.FULL.attributes())
                .containsExactlyInAnyOrder("fiscalNumber", "spidCode", "name", "familyName", "dateOfBirth",
                        "placeOfBirth", "address", "gender");
    }

    @Test
    void aPublicSubjectHasOneOtherContactWithIpaCodeAndPublicAndNoBilling() throws Exception {
        EntityDescriptor entity = parse(PUBLIC_SPID);
        assertThat(entity.getContactPersons()).extracting(ContactPerson::getType)
                .containsExactly(ContactPersonTypeEnumeration.OTHER);
        ContactPerson other = entity.getContactPersons().get(0);
        assertThat(describe(other.getExtensions().getUnknownXMLObjects())).isEqualTo("spid:IPACode=c_x999 spid:Public");
        assertThat(other.getExtensions().getUnknownXMLObjects()).allSatisfy(child -> assertThat(
                child.getElementQName().getNamespaceURI()).isEqualTo(SpidSpMetadataFactory.SPID_NS));
        assertThat(other.getCompany().getValue()).isEqualTo("Comune di Esempio");
        assertThat(other.getEmailAddresses().get(0).getURI()).isEqualTo("protocollo@comune.example.it");
        assertThat(other.getTelephoneNumbers().get(0).getValue()).isEqualTo("+39061234567");
        assertThat(PUBLIC_SPID).contains("xmlns:spid=\"" + SpidSpMetadataFactory.SPID_NS + "\"")
                .doesNotContain(SpidSpMetadataFactory.INVOICING_NS).doesNotContain(SpMetadataFactory.CIE_NS);
    }

    @Test
    void aPrivateSubjectHasVatNumberFiscalCodeAndPrivate() throws Exception {
        ContactPerson other = contact(PRIVATE, ContactPersonTypeEnumeration.OTHER);
        assertThat(describe(other.getExtensions().getUnknownXMLObjects()))
                .isEqualTo("spid:VATNumber=IT12345678901 spid:FiscalCode=12345678901 spid:Private");
        assertThat(other.getEmailAddresses().get(0).getURI()).isEqualTo("info@azienda.example.it");
        assertThat(other.getTelephoneNumbers()).isEmpty();
    }

    @Test
    void aPrivateSubjectHasTheBillingContactWithTheFatturaPaCustomer() throws Exception {
        ContactPerson billing = contact(PRIVATE, ContactPersonTypeEnumeration.BILLING);
        assertThat(describe(billing.getExtensions().getUnknownXMLObjects())).isEqualTo("fpa:CessionarioCommittente["
                + "fpa:DatiAnagrafici[fpa:IdFiscaleIVA[fpa:IdPaese=IT fpa:IdCodice=12345678901]"
                + " fpa:CodiceFiscale=12345678901 fpa:Anagrafica[fpa:Denominazione=Comune di Esempio]]"
                + " fpa:Sede[fpa:Indirizzo=Via Roma fpa:NumeroCivico=1 fpa:CAP=00100 fpa:Comune=Roma fpa:Provincia=RM"
                + " fpa:Nazione=IT]]");
        assertThat(billing.getCompany().getValue()).isEqualTo("Comune di Esempio");
        assertThat(billing.getEmailAddresses().get(0).getURI()).isEqualTo("fatture@azienda.example.it");
        assertThat(billing.getTelephoneNumbers().get(0).getValue()).isEqualTo("+390612345678");
        assertThat(PRIVATE).contains("xmlns:fpa=\"" + SpidSpMetadataFactory.INVOICING_NS + "\"");
    }

    @Test
    void optionalBillingFieldsAreLeftOutWhenNotSet() throws Exception {
        String xml = new SpidSpMetadataFactory(SpidTestSettings.privateSubjectBuilder().spidBilling(
                new io.github.cieservlet.config.SpidBilling("fatture@azienda.example.it", null, "Via Roma", null,
                        "00100", "Roma", null, "IT")).build()).signedXml();
        ContactPerson billing = contact(xml, ContactPersonTypeEnumeration.BILLING);
        assertThat(describe(billing.getExtensions().getUnknownXMLObjects())).doesNotContain("NumeroCivico")
                .doesNotContain("Provincia").contains("fpa:CAP=00100 fpa:Comune=Roma fpa:Nazione=IT");
        assertThat(billing.getTelephoneNumbers()).isEmpty();
    }

    @Test
    void aPrivateSubjectWithoutBillingContactIsRefused() {
        assertThatThrownBy(() -> new SpidSpMetadataFactory(SpidTestSettings.privateSubjectBuilder().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cie.spid.billing");
    }

    @Test
    void publishedOnlyWithSpidOrEidas() {
        assertThat(SpidSpMetadataFactory.isPublished(SpidTestSettings.spid())).isFalse();
        assertThat(SpidSpMetadataFactory.isPublished(SpidTestSettings.spid(LoginScheme.SPID))).isTrue();
        assertThat(SpidSpMetadataFactory.isPublished(SpidTestSettings.spid(LoginScheme.EIDAS))).isTrue();
        assertThatThrownBy(() -> new SpidSpMetadataFactory(TestSettings.settings()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cie.schemes");
    }
}
