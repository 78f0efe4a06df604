package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.tools.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The CIE rules of the ContactPerson elements: how many, their {@code cie:} extensions (as the CIE profile of
 * the AgID sp-test tool checks them), Company and EmailAddress.
 */
final class ContactRules {

    private static final String CIE = SpMetadataFactory.CIE_NS;
    private static final List<String> SINGLE_VALUED = List.of("IPACode", "VATNumber", "FiscalCode", "NACE2Code", "Municipality");

    private ContactRules() {
    }

    /**
     * @param report where to record the results
     * @param root the EntityDescriptor
     * @param organizationName the Italian OrganizationName, when there is one
     */
    static void check(Report report, Element root, Optional<String> organizationName) {
        List<Element> contacts = Elements.children(root, Elements.MD, "ContactPerson");
        boolean administrative = contacts.stream().anyMatch(c -> "administrative".equals(type(c)));
        List<String> countProblems = new ArrayList<>();
        if (contacts.isEmpty() || contacts.size() > 2) {
            countProblems.add("found " + contacts.size() + " ContactPerson");
        }
        if (!contacts.isEmpty() && !administrative) {
            countProblems.add("no ContactPerson has contactType=\"administrative\"");
        }
        report.check(MetadataRule.CONTACT_COUNT, countProblems);
        if (contacts.isEmpty()) {
            for (MetadataRule rule : List.of(MetadataRule.CONTACT_EXTENSIONS, MetadataRule.CONTACT_COMPANY, MetadataRule.CONTACT_EMAIL)) {
                report.fail(rule, "there is no ContactPerson");
            }
            return;
        }
        List<String> extensions = new ArrayList<>();
        List<String> companies = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (Element contact : contacts) {
            String label = "the " + type(contact) + " ContactPerson";
            extensions.addAll(extensionProblems(contact, label));
            Optional<String> company = Elements.only(contact, Elements.MD, "Company").map(Elements::text).filter(t -> !t.isEmpty());
            if (company.isEmpty()) {
                companies.add(label + " has no Company");
            } else if ("administrative".equals(type(contact)) && !company.equals(organizationName)) {
                companies.add(label + " has Company '" + company.get() + "', which must be the OrganizationName '"
                        + organizationName.orElse("(missing)") + "'");
            }
            if (Elements.children(contact, Elements.MD, "EmailAddress").stream().map(Elements::text).allMatch(String::isEmpty)) {
                emails.add(label + " has no EmailAddress");
            }
        }
        report.check(MetadataRule.CONTACT_EXTENSIONS, extensions);
        report.check(MetadataRule.CONTACT_COMPANY, companies);
        report.check(MetadataRule.CONTACT_EMAIL, emails);
    }

    private static List<String> extensionProblems(Element contact, String label) {
        Optional<Element> extensions = Elements.only(contact, Elements.MD, "Extensions");
        if (extensions.isEmpty()) {
            return List.of(label + " has no md:Extensions with the cie: data");
        }
        List<String> problems = new ArrayList<>();
        List<Element> publicMarks = Elements.children(extensions.get(), CIE, "Public");
        List<Element> privateMarks = Elements.children(extensions.get(), CIE, "Private");
        List<Element> marks = new ArrayList<>(publicMarks);
        marks.addAll(privateMarks);
        if (marks.size() != 1) {
            problems.add(label + " must have exactly one of cie:Public or cie:Private, has " + marks.size());
        } else if (marks.get(0).hasChildNodes() && hasContent(marks.get(0))) {
            problems.add(label + ": cie:" + marks.get(0).getLocalName() + " must be empty");
        }
        List<String> required = new ArrayList<>(List.of("Municipality"));
        if (publicMarks.size() == 1 && !"technical".equals(type(contact))) {
            required.add("IPACode");
        }
        if (privateMarks.size() == 1) {
            required.addAll(List.of("VATNumber", "FiscalCode", "NACE2Code"));
        }
        for (String name : SINGLE_VALUED) {
            List<Element> found = Elements.children(extensions.get(), CIE, name);
            if (found.isEmpty() && required.contains(name)) {
                problems.add(label + " has no cie:" + name);
            } else if (found.size() > 1) {
                problems.add(label + " has cie:" + name + " " + found.size() + " times");
            } else if (found.size() == 1 && Elements.text(found.get(0)).isEmpty()) {
                problems.add(label + " has an empty cie:" + name);
            }
        }
        return problems;
    }

    private static boolean hasContent(Element element) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() != Node.TEXT_NODE || !node.getTextContent().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static String type(Element contact) {
        return contact.getAttributeNS(null, "contactType");
    }
}
