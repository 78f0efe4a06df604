package io.github.cieservlet.tools.metadata;

import static io.github.cieservlet.tools.metadata.MetadataEdits.MD;
import static io.github.cieservlet.tools.metadata.MetadataEdits.first;
import static io.github.cieservlet.tools.metadata.MetadataEdits.remove;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.saml.spid.SpidSpMetadataFactory;
import io.github.cieservlet.saml.spid.SpidTestSettings;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code check-metadata --profile spid-public|spid-private|ficep}: each SPID rule alone refuses a broken variant. */
class SpidCheckMetadataCommandTest {

    private static final String SPID = SpidSpMetadataFactory.SPID_NS;
    private static final String FPA = SpidSpMetadataFactory.INVOICING_NS;
    /** A key whose certificate names the private subject, as AgID's checks want. */
    private static final SpCredentials PRIVATE_KEY = TestCredentials.generate("CN=Comune di Esempio, O=Comune di Esempio,"
            + " 2.5.4.83=" + TestSettings.ENTITY_ID + ", 2.5.4.97=VATIT-12345678901", 2048,
            Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(365));
    private static final CieSettings PRIVATE_SETTINGS = SpidTestSettings.privateSubjectBuilder()
            .credentials(PRIVATE_KEY).spidBilling(SpidTestSettings.privateSubject().spidBilling().orElseThrow()).build();
    private static final String PUBLIC = new SpidSpMetadataFactory(SpidTestSettings.publicSubject(LoginScheme.SPID)).signedXml();
    private static final String PRIVATE = new SpidSpMetadataFactory(PRIVATE_SETTINGS).signedXml();
    private static final String FICEP = new SpidSpMetadataFactory(SpidTestSettings.publicSubject(LoginScheme.EIDAS))
            .signedXml();

    @TempDir
    Path dir;

    /** The ids of every rule a good document of that profile passes. */
    private static List<String> rulesOf(MetadataProfile profile) {
        List<String> ids = Stream.of(MetadataRule.values()).filter(rule -> MetadataChecker.applies(rule, profile))
                .map(MetadataRule::id).collect(Collectors.toCollection(ArrayList::new));
        Stream.of(SpidMetadataRule.values())
                .filter(rule -> rule != SpidMetadataRule.BILLING || profile == MetadataProfile.SPID_PRIVATE)
                .filter(rule -> rule != SpidMetadataRule.FICEP_SERVICES || profile == MetadataProfile.FICEP)
                .forEach(rule -> ids.add(rule.id()));
        return ids;
    }

    @Test
    void theLibrarysSpidMetadataPassesEveryRuleOfItsProfile() {
        for (Map.Entry<String, MetadataProfile> good : Map.of(PUBLIC, MetadataProfile.SPID_PUBLIC, PRIVATE,
                MetadataProfile.SPID_PRIVATE, FICEP, MetadataProfile.FICEP).entrySet()) {
            Cli cli = check(good.getKey(), good.getValue().id());
            assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.OK);
            assertThat(cli.passedRules()).as(good.getValue().id()).containsExactlyInAnyOrderElementsOf(rulesOf(good.getValue()));
        }
    }

    @Test
    void spidAndCieMetadataEachFailTheOthersProfile() {
        assertThat(check(PUBLIC, "cie").failedRules()).contains("contact-count", "contact-extensions");
        String cie = new SpMetadataFactory(TestSettings.settings()).signedXml();
        assertThat(check(cie, "spid-public").failedRules()).contains("spid-contact-other");
        assertThat(check(PUBLIC, "ficep").failedRules()).containsExactly("ficep-attribute-services");
    }

    @Test
    void anUnknownProfileIsAUsageError() {
        Cli cli = check(PUBLIC, "spid");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("cie, spid-public, spid-private, ficep");
    }

    @Test
    void noDefaultAssertionConsumerService() {
        assertFails(PUBLIC, "spid-public", doc -> acs(doc).setAttributeNS(null, "isDefault", "false"), "spid-acs-default");
    }

    @Test
    void theDefaultAssertionConsumerServiceIsNotIndexZero() {
        assertFails(PUBLIC, "spid-public", doc -> acs(doc).setAttributeNS(null, "index", "1"), "spid-acs-default");
    }

    @Test
    void anAttributeOutsideTheSpidTable() {
        assertFails(PUBLIC, "spid-public", doc -> requested(doc, 0).setAttributeNS(null, "Name", "codiceFiscale"),
                "spid-attribute-services");
    }

    @Test
    void anAttributeRequestedTwice() {
        assertFails(PUBLIC, "spid-public", doc -> requested(doc, 1).setAttributeNS(null, "Name",
                requested(doc, 0).getAttributeNS(null, "Name")), "spid-attribute-services");
    }

    @Test
    void noOtherContact() {
        assertFails(PUBLIC, "spid-public", doc -> contact(doc, "other").setAttributeNS(null, "contactType", "technical"),
                "spid-contact-other", "spid-public-private", "spid-ipa-code", "spid-vat-fiscal-code",
                "spid-contact-company", "spid-contact-email", "spid-contact-phone");
    }

    @Test
    void privateInsteadOfPublic() {
        assertFails(PUBLIC, "spid-public", doc -> rename(doc, "Public", "Private"), "spid-public-private");
    }

    @Test
    void publicIsNotEmpty() {
        assertFails(PUBLIC, "spid-public", doc -> spid(doc, "Public").setTextContent("si"), "spid-public-private");
    }

    @Test
    void publicWithoutIpaCode() {
        assertFails(PUBLIC, "spid-public", doc -> remove(spid(doc, "IPACode")), "spid-ipa-code");
    }

    @Test
    void privateWithIpaCode() {
        assertFails(PRIVATE, "spid-private", doc -> spid(doc, "FiscalCode").getParentNode().insertBefore(
                spidElement(doc, "IPACode", "c_x999"), spid(doc, "FiscalCode")), "spid-ipa-code", "cert-subject");
    }

    @Test
    void vatNumberWithoutCountryCode() {
        assertFails(PRIVATE, "spid-private", doc -> spid(doc, "VATNumber").setTextContent("12345678901"),
                "spid-vat-fiscal-code");
    }

    @Test
    void privateWithNeitherVatNumberNorFiscalCode() {
        assertFails(PRIVATE, "spid-private", doc -> {
            remove(spid(doc, "VATNumber"));
            remove(spid(doc, "FiscalCode"));
        }, "spid-vat-fiscal-code");
    }

    @Test
    void companyIsNotTheOrganizationName() {
        assertFails(PUBLIC, "spid-public", doc -> first(contact(doc, "other"), "Company").setTextContent("Altro Ente"),
                "spid-contact-company");
    }

    @Test
    void emailIsNotAnEmailAddress() {
        assertFails(PUBLIC, "spid-public", doc -> first(contact(doc, "other"), "EmailAddress").setTextContent("protocollo"),
                "spid-contact-email");
    }

    @Test
    void phoneWithSpacesFailsAndAForeignOneWarns() {
        assertFails(PUBLIC, "spid-public", doc -> first(contact(doc, "other"), "TelephoneNumber")
                .setTextContent("+39 06 1234567"), "spid-contact-phone");
        Cli cli = check(MetadataEdits.signed(PUBLIC, TestCredentials.sp(),
                doc -> first(contact(doc, "other"), "TelephoneNumber").setTextContent("+41441234567")), "spid-public");
        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.OK);
        assertThat(cli.warnedRules()).containsExactly("spid-contact-phone");
    }

    @Test
    void privateWithoutBillingContact() {
        assertFails(PRIVATE, "spid-private", doc -> remove(contact(doc, "billing")), "spid-billing");
    }

    @Test
    void billingWithoutPostalCode() {
        assertFails(PRIVATE, "spid-private", doc -> remove(doc.getElementsByTagNameNS(FPA, "CAP").item(0)), "spid-billing");
    }

    @Test
    void billingWithoutTaxIdentifier() {
        assertFails(PRIVATE, "spid-private", doc -> {
            remove(doc.getElementsByTagNameNS(FPA, "IdFiscaleIVA").item(0));
            remove(doc.getElementsByTagNameNS(FPA, "CodiceFiscale").item(0));
        }, "spid-billing");
    }

    @Test
    void ficepMinimumSetWithAnotherServiceName() {
        assertFails(FICEP, "ficep", doc -> first(service(doc, "99"), "ServiceName").setTextContent("eIDAS"),
                "ficep-attribute-services");
    }

    @Test
    void ficepFullSetMissingAnAttribute() {
        assertFails(FICEP, "ficep", doc -> remove(first(service(doc, "100"), "RequestedAttribute")),
                "ficep-attribute-services");
    }

    @Test
    void ficepWithoutIndex100() {
        assertFails(FICEP, "ficep", doc -> remove(service(doc, "100")), "ficep-attribute-services");
    }

    private void assertFails(String good, String profile, Consumer<Document> change, String... rules) {
        SpCredentials key = good.equals(PRIVATE) ? PRIVATE_KEY : TestCredentials.sp();
        Cli cli = check(MetadataEdits.signed(good, key, change), profile);
        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(cli.failedRules()).as(cli.out()).containsExactlyInAnyOrder(rules);
    }

    private Cli check(String xml, String profile) {
        Path file = dir.resolve("spid-metadata.xml");
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Cli.run(TestEnv.of(Map.of()), "check-metadata", "--profile", profile, file.toString());
    }

    private static Element acs(Document doc) {
        return MetadataEdits.first(doc, MD, "AssertionConsumerService");
    }

    private static Element requested(Document doc, int i) {
        return (Element) doc.getElementsByTagNameNS(MD, "RequestedAttribute").item(i);
    }

    private static Element service(Document doc, String index) {
        List<Element> services = Elements.children(MetadataEdits.first(doc, MD, "SPSSODescriptor"), MD,
                "AttributeConsumingService");
        return services.stream().filter(s -> index.equals(s.getAttributeNS(null, "index"))).findFirst().orElseThrow();
    }

    private static Element contact(Document doc, String type) {
        return Elements.children(doc.getDocumentElement(), MD, "ContactPerson").stream()
                .filter(c -> type.equals(c.getAttributeNS(null, "contactType"))).findFirst().orElseThrow();
    }

    private static Element first(Element parent, String localName) {
        return (Element) parent.getElementsByTagNameNS(MD, localName).item(0);
    }

    private static Element spid(Document doc, String localName) {
        return MetadataEdits.first(doc, SPID, localName);
    }

    private static Element spidElement(Document doc, String localName, String text) {
        Element element = doc.createElementNS(SPID, "spid:" + localName);
        element.setTextContent(text);
        return element;
    }

    private static void rename(Document doc, String from, String to) {
        Element old = spid(doc, from);
        old.getParentNode().replaceChild(spidElement(doc, to, null), old);
    }
}
