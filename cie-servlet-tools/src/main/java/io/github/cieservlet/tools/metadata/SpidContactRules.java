package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.saml.spid.SpidSpMetadataFactory;
import io.github.cieservlet.tools.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * The SPID rules of the ContactPerson elements: the {@code other} contact with its {@code spid:} extensions,
 * Company, e-mail and telephone, and for private SPs the {@code billing} contact with the FatturaPA data.
 */
final class SpidContactRules {

    private static final String SPID = SpidSpMetadataFactory.SPID_NS;
    private static final String FPA = SpidSpMetadataFactory.INVOICING_NS;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern VAT = Pattern.compile("[A-Z]{2}\\S+");

    private SpidContactRules() {
    }

    /**
     * @param report where to record the results
     * @param root the EntityDescriptor
     * @param organizationName the Italian OrganizationName, when there is one
     * @param profile the profile: spid-public wants Public, spid-private Private, ficep either
     */
    static void check(Report report, Element root, Optional<String> organizationName, MetadataProfile profile) {
        List<Element> others = contacts(root, "other");
        List<Element> extensions = others.size() == 1 ? Elements.children(others.get(0), Elements.MD, "Extensions") : List.of();
        if (others.size() != 1 || extensions.size() != 1) {
            report.fail(SpidMetadataRule.CONTACT_OTHER, others.size() != 1 ? "found " + others.size()
                    + " ContactPerson contactType=\"other\"; there must be exactly one"
                    : "the other ContactPerson has " + extensions.size() + " md:Extensions; it must have one");
            for (SpidMetadataRule rule : List.of(SpidMetadataRule.PUBLIC_PRIVATE, SpidMetadataRule.IPA_CODE,
                    SpidMetadataRule.VAT_FISCAL_CODE, SpidMetadataRule.CONTACT_COMPANY, SpidMetadataRule.CONTACT_EMAIL,
                    SpidMetadataRule.CONTACT_PHONE)) {
                report.fail(rule, "not checked: no single other ContactPerson with its md:Extensions");
            }
        } else {
            report.pass(SpidMetadataRule.CONTACT_OTHER);
            boolean isPrivate = checkPublicPrivate(report, extensions.get(0), profile);
            checkIpaCode(report, extensions.get(0), isPrivate);
            checkVatAndFiscalCode(report, extensions.get(0), isPrivate);
            checkCompanyEmailPhone(report, others.get(0), organizationName);
        }
        if (profile == MetadataProfile.SPID_PRIVATE) {
            report.check(SpidMetadataRule.BILLING, billingProblems(contacts(root, "billing")));
        }
    }

    private static List<Element> contacts(Element root, String type) {
        return Elements.children(root, Elements.MD, "ContactPerson").stream()
                .filter(c -> type.equals(c.getAttributeNS(null, "contactType"))).collect(Collectors.toList());
    }

    /** @return whether the contact says Private (spid-private, or ficep with spid:Private) */
    private static boolean checkPublicPrivate(Report report, Element extensions, MetadataProfile profile) {
        List<Element> publicMarks = Elements.children(extensions, SPID, "Public");
        List<Element> privateMarks = Elements.children(extensions, SPID, "Private");
        boolean isPrivate = profile == MetadataProfile.SPID_PRIVATE
                || profile == MetadataProfile.FICEP && !privateMarks.isEmpty();
        List<Element> expected = isPrivate ? privateMarks : publicMarks;
        List<Element> other = isPrivate ? publicMarks : privateMarks;
        String name = isPrivate ? "spid:Private" : "spid:Public";
        List<String> problems = new ArrayList<>();
        if (expected.size() != 1) {
            problems.add("the other ContactPerson has " + name + " " + expected.size() + " times; it must have it once");
        } else if (!Elements.text(expected.get(0)).isEmpty() || expected.get(0).getElementsByTagNameNS("*", "*").getLength() > 0) {
            problems.add(name + " must be empty");
        }
        if (!other.isEmpty()) {
            problems.add("the other ContactPerson must not have " + (isPrivate ? "spid:Public" : "spid:Private"));
        }
        report.check(SpidMetadataRule.PUBLIC_PRIVATE, problems);
        return isPrivate;
    }

    private static void checkIpaCode(Report report, Element extensions, boolean isPrivate) {
        List<Element> codes = Elements.children(extensions, SPID, "IPACode");
        List<String> problems = new ArrayList<>();
        if (isPrivate && !codes.isEmpty()) {
            problems.add("a private SP must not have spid:IPACode");
        } else if (!isPrivate && codes.size() != 1) {
            problems.add("a public SP must have spid:IPACode once, found " + codes.size());
        } else if (!isPrivate && Elements.text(codes.get(0)).isEmpty()) {
            problems.add("spid:IPACode is empty");
        }
        report.check(SpidMetadataRule.IPA_CODE, problems);
    }

    private static void checkVatAndFiscalCode(Report report, Element extensions, boolean isPrivate) {
        List<Element> vats = Elements.children(extensions, SPID, "VATNumber");
        List<Element> codes = Elements.children(extensions, SPID, "FiscalCode");
        List<String> problems = new ArrayList<>();
        if (vats.size() > 1) {
            problems.add("spid:VATNumber appears " + vats.size() + " times");
        }
        if (codes.size() > 1) {
            problems.add("spid:FiscalCode appears " + codes.size() + " times");
        }
        vats.stream().map(Elements::text).filter(vat -> !VAT.matcher(vat).matches()).forEach(vat -> problems.add(
                "spid:VATNumber '" + vat + "' must start with the ISO 3166 country code, e.g. IT12345678901"));
        codes.stream().map(Elements::text).filter(String::isEmpty).forEach(code -> problems.add("spid:FiscalCode is empty"));
        if (isPrivate && vats.isEmpty() && codes.isEmpty()) {
            problems.add("a private SP must have spid:VATNumber or spid:FiscalCode");
        }
        report.check(SpidMetadataRule.VAT_FISCAL_CODE, problems);
    }

    private static void checkCompanyEmailPhone(Report report, Element contact, Optional<String> organizationName) {
        Optional<String> company = Elements.only(contact, Elements.MD, "Company").map(Elements::text);
        report.check(SpidMetadataRule.CONTACT_COMPANY, company.isEmpty() || company.equals(organizationName) ? List.of()
                : List.of("Company '" + company.get() + "' must be the OrganizationName '"
                        + organizationName.orElse("(missing)") + "'"));
        List<String> emails = Elements.children(contact, Elements.MD, "EmailAddress").stream().map(Elements::text)
                .map(e -> e.startsWith("mailto:") ? e.substring("mailto:".length()) : e).collect(Collectors.toList());
        report.check(SpidMetadataRule.CONTACT_EMAIL, !emails.isEmpty() && EMAIL.matcher(emails.get(0)).matches()
                ? List.of() : List.of("the other ContactPerson needs a valid EmailAddress, found " + emails));
        List<String> phones = Elements.children(contact, Elements.MD, "TelephoneNumber").stream().map(Elements::text)
                .collect(Collectors.toList());
        List<String> problems = phones.stream().filter(p -> p.isEmpty() || p.contains(" ") || !p.startsWith("+"))
                .map(p -> "TelephoneNumber '" + p + "' must have no spaces and start with +, e.g. +390612345678")
                .collect(Collectors.toList());
        if (!problems.isEmpty()) {
            report.fail(SpidMetadataRule.CONTACT_PHONE, String.join("; ", problems));
        } else if (phones.stream().anyMatch(p -> !p.startsWith("+39"))) {
            report.warn(SpidMetadataRule.CONTACT_PHONE, "a TelephoneNumber does not start with +39");
        } else {
            report.pass(SpidMetadataRule.CONTACT_PHONE);
        }
    }

    private static List<String> billingProblems(List<Element> billings) {
        if (billings.size() != 1) {
            return List.of("found " + billings.size() + " ContactPerson contactType=\"billing\"; a private SP must have one");
        }
        List<Element> customers = Elements.only(billings.get(0), Elements.MD, "Extensions")
                .map(e -> Elements.children(e, FPA, "CessionarioCommittente")).orElse(List.of());
        if (customers.size() != 1) {
            return List.of("the billing ContactPerson must have one fpa:CessionarioCommittente in its md:Extensions,"
                    + " found " + customers.size());
        }
        List<String> problems = new ArrayList<>();
        Optional<Element> registry = Elements.only(customers.get(0), FPA, "DatiAnagrafici");
        if (registry.isEmpty()) {
            problems.add("fpa:CessionarioCommittente has no fpa:DatiAnagrafici");
        } else {
            if (Elements.only(registry.get(), FPA, "IdFiscaleIVA").isEmpty()
                    && Elements.only(registry.get(), FPA, "CodiceFiscale").isEmpty()) {
                problems.add("fpa:DatiAnagrafici has neither fpa:IdFiscaleIVA nor fpa:CodiceFiscale");
            }
            if (Elements.only(registry.get(), FPA, "Anagrafica").isEmpty()) {
                problems.add("fpa:DatiAnagrafici has no fpa:Anagrafica");
            }
        }
        Optional<Element> office = Elements.only(customers.get(0), FPA, "Sede");
        if (office.isEmpty()) {
            problems.add("fpa:CessionarioCommittente has no fpa:Sede");
        } else {
            for (String name : List.of("Indirizzo", "CAP", "Comune", "Nazione")) {
                if (Elements.only(office.get(), FPA, name).map(Elements::text).filter(t -> !t.isEmpty()).isEmpty()) {
                    problems.add("fpa:Sede has no fpa:" + name);
                }
            }
        }
        return problems;
    }
}
