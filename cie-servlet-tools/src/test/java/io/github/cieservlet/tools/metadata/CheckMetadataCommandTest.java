package io.github.cieservlet.tools.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import io.github.cieservlet.tools.Cli;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.TestEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class CheckMetadataCommandTest {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String CIE = SpMetadataFactory.CIE_NS;
    private static final String GOOD = new SpMetadataFactory(TestSettings.settings()).signedXml();

    @TempDir
    Path dir;

    @Test
    void theLibrarysMetadataPassesEveryRule() {
        Cli cli = check(GOOD);
        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.OK);
        assertThat(cli.passedRules()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(MetadataRule.values()).map(MetadataRule::id).collect(Collectors.toSet()));
    }

    @Test
    void resigningWithoutChangeStillPasses() {
        Cli cli = check(signed(doc -> { }));
        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.OK);
    }

    @Test
    void notWellFormed() {
        assertFails(GOOD.substring(0, GOOD.length() / 2), "xml");
    }

    @Test
    void doctypeIsRefused() {
        assertFails("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>" + body(GOOD), "xml");
    }

    @Test
    void schemaInvalid() {
        assertFails(signed(doc -> sp(doc).setAttributeNS(null, "unexpected", "x")), "schema");
    }

    @Test
    void entitiesDescriptorRoot() {
        assertFails("<md:EntitiesDescriptor xmlns:md=\"" + MD + "\">" + body(GOOD) + "</md:EntitiesDescriptor>", "root");
    }

    @Test
    void samlOneProtocol() {
        assertFails(signed(doc -> sp(doc).setAttributeNS(null, "protocolSupportEnumeration",
                "urn:oasis:names:tc:SAML:1.1:protocol")), "sp-descriptor");
    }

    @Test
    void authnRequestsNotSigned() {
        assertFails(signed(doc -> sp(doc).setAttributeNS(null, "AuthnRequestsSigned", "false")), "authn-requests-signed");
    }

    @Test
    void assertionsNotWanted() {
        assertFails(signed(doc -> sp(doc).removeAttributeNS(null, "WantAssertionsSigned")), "want-assertions-signed");
    }

    @Test
    void onlyAnEncryptionKey() {
        assertFails(signed(doc -> first(doc, MD, "KeyDescriptor").setAttributeNS(null, "use", "encryption")),
                "signing-key", "signature");
    }

    @Test
    void truncatedCertificate() {
        assertFails(signed(doc -> {
            Element certificate = (Element) first(doc, MD, "KeyDescriptor").getElementsByTagNameNS(DS, "X509Certificate").item(0);
            certificate.setTextContent(certificate.getTextContent().replaceAll("\\s", "").substring(0, 400));
        }), "signing-key", "signature");
    }

    @Test
    void singleLogoutWithoutRedirect() {
        assertFails(signed(doc -> first(doc, MD, "SingleLogoutService").setAttributeNS(null, "Binding",
                "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST")), "single-logout");
    }

    @Test
    void noSingleLogout() {
        assertFails(signed(doc -> remove(first(doc, MD, "SingleLogoutService"))), "single-logout");
    }

    @Test
    void persistentNameId() {
        assertFails(signed(doc -> first(doc, MD, "NameIDFormat").setTextContent(
                "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent")), "name-id-format");
    }

    @Test
    void plainHttpAcs() {
        assertFails(signed(doc -> first(doc, MD, "AssertionConsumerService").setAttributeNS(null, "Location",
                "http://portale.comune.example.it/servizi/cie/acs")), "acs");
    }

    @Test
    void duplicateAcsIndex() {
        assertFails(signed(doc -> {
            Element acs = first(doc, MD, "AssertionConsumerService");
            Element copy = (Element) acs.cloneNode(true);
            copy.removeAttributeNS(null, "isDefault");
            acs.getParentNode().insertBefore(copy, acs.getNextSibling());
        }), "acs");
    }

    @Test
    void noAcs() {
        // The schema wants one too.
        assertFails(signed(doc -> remove(first(doc, MD, "AssertionConsumerService"))), "acs", "schema");
    }

    @Test
    void localhostAcsIsOnlyAWarning() {
        Cli cli = check(signed(doc -> first(doc, MD, "AssertionConsumerService").setAttributeNS(null, "Location",
                "http://localhost:8080/cie/acs")));
        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.OK);
        assertThat(cli.warnedRules()).containsExactly("acs");
    }

    @Test
    void spidAttributeRequested() {
        assertFails(signed(doc -> {
            Element attribute = first(doc, MD, "RequestedAttribute");
            Element spidCode = (Element) attribute.cloneNode(true);
            spidCode.setAttributeNS(null, "Name", "spidCode");
            attribute.getParentNode().appendChild(spidCode);
        }), "attribute-service");
    }

    @Test
    void noAttributeConsumingService() {
        assertFails(signed(doc -> remove(first(doc, MD, "AttributeConsumingService"))), "attribute-service");
    }

    @Test
    void organizationWithoutItalianDisplayName() {
        assertFails(signed(doc -> first(doc, MD, "OrganizationDisplayName")
                .setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en")), "organization");
    }

    @Test
    void threeContacts() {
        assertFails(signed(doc -> {
            Element contact = first(doc, MD, "ContactPerson");
            contact.getParentNode().appendChild(contact.cloneNode(true));
            contact.getParentNode().appendChild(contact.cloneNode(true));
        }), "contact-count");
    }

    @Test
    void noAdministrativeContact() {
        assertFails(signed(doc -> first(doc, MD, "ContactPerson").setAttributeNS(null, "contactType", "technical")),
                "contact-count");
    }

    @Test
    void contactWithoutExtensions() {
        assertFails(signed(doc -> remove(first(doc, MD, "Extensions"))), "contact-extensions");
    }

    @Test
    void missingMunicipality() {
        assertFails(signed(doc -> remove(first(doc, CIE, "Municipality"))), "contact-extensions");
    }

    @Test
    void repeatedMunicipality() {
        assertFails(signed(doc -> {
            Element municipality = first(doc, CIE, "Municipality");
            municipality.getParentNode().appendChild(municipality.cloneNode(true));
        }), "contact-extensions");
    }

    @Test
    void publicBodyWithoutIpaCode() {
        assertFails(signed(doc -> remove(first(doc, CIE, "IPACode"))), "contact-extensions");
    }

    @Test
    void entityIdOtherThanTheCertificateUri() {
        assertFails(signed(doc -> doc.getDocumentElement().setAttributeNS(null, "entityID", "https://altro.example.it/cie")),
                "cert-subject");
    }

    @Test
    void ipaCodeOtherThanTheCertificateOrganizationIdentifier() {
        assertFails(signed(doc -> first(doc, CIE, "IPACode").setTextContent("c_y000")), "cert-subject");
    }

    @Test
    void emptyIpaCode() {
        assertFails(signed(doc -> first(doc, CIE, "IPACode").setTextContent("")), "contact-extensions");
    }

    @Test
    void bothPublicAndPrivate() {
        assertFails(signed(doc -> first(doc, CIE, "Public").getParentNode()
                .appendChild(doc.createElementNS(CIE, "cie:Private"))), "contact-extensions");
    }

    @Test
    void publicMarkWithContent() {
        assertFails(signed(doc -> first(doc, CIE, "Public").setTextContent("yes")), "contact-extensions");
    }

    @Test
    void privateSubjectWithoutVatFiscalCodeAndNace2() {
        assertFails(signed(doc -> {
            Element mark = first(doc, CIE, "Public");
            mark.getParentNode().replaceChild(doc.createElementNS(CIE, "cie:Private"), mark);
        }), "contact-extensions");
    }

    @Test
    void companyIsNotTheOrganizationName() {
        assertFails(signed(doc -> first(doc, MD, "Company").setTextContent("Comune di Altrove")), "contact-company");
    }

    @Test
    void noCompany() {
        assertFails(signed(doc -> remove(first(doc, MD, "Company"))), "contact-company");
    }

    @Test
    void noEmail() {
        assertFails(signed(doc -> remove(first(doc, MD, "EmailAddress"))), "contact-email");
    }

    @Test
    void sha1SignatureMethod() {
        assertFails(edited(doc -> first(doc, DS, "SignatureMethod").setAttributeNS(null, "Algorithm",
                "http://www.w3.org/2000/09/xmldsig#rsa-sha1")), "signature-algorithms", "signature");
    }

    @Test
    void sha1Digest() {
        assertFails(edited(doc -> first(doc, DS, "DigestMethod").setAttributeNS(null, "Algorithm",
                "http://www.w3.org/2000/09/xmldsig#sha1")), "signature-algorithms", "signature");
    }

    @Test
    void unsigned() {
        assertFails(edited(doc -> remove(first(doc, DS, "Signature"))), "signature-algorithms", "signature");
    }

    @Test
    void changedAfterSigning() {
        assertFails(edited(doc -> first(doc, MD, "OrganizationURL").setTextContent("https://evil.example")), "signature");
    }

    @Test
    void signedWithAnotherKey() {
        assertFails(signed(TestCredentials.attacker(), doc -> { }), "signature");
    }

    @Test
    void missingFileIsAnIoError() {
        Cli cli = Cli.run(TestEnv.of(Map.of()), "check-metadata", dir.resolve("nope.xml").toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
    }

    private void assertFails(String xml, String... rules) {
        Cli cli = check(xml);
        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(cli.failedRules()).as(cli.out()).containsExactlyInAnyOrder(rules);
        assertThat(cli.out()).contains("FAILED: ");
    }

    private Cli check(String xml) {
        Path file = dir.resolve("metadata.xml");
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Cli.run(TestEnv.of(Map.of()), "check-metadata", file.toString());
    }

    /** The good metadata, changed after signing (so the signature breaks). */
    private static String edited(Consumer<Document> change) {
        return MetadataEdits.edited(GOOD, change);
    }

    /** The good metadata, changed, then signed again by the SP key. */
    private static String signed(Consumer<Document> change) {
        return signed(TestCredentials.sp(), change);
    }

    private static String signed(SpCredentials key, Consumer<Document> change) {
        return MetadataEdits.signed(GOOD, key, change);
    }

    private static Element sp(Document doc) {
        return first(doc, MD, "SPSSODescriptor");
    }

    private static Element first(Document doc, String namespace, String localName) {
        return MetadataEdits.first(doc, namespace, localName);
    }

    private static void remove(Node node) {
        MetadataEdits.remove(node);
    }

    private static String body(String xml) {
        return xml.replaceFirst("^<\\?xml[^>]*\\?>", "");
    }
}
