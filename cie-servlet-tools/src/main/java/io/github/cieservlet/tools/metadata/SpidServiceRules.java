package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.config.EidasAttributeSet;
import io.github.cieservlet.config.SpidSettings;
import io.github.cieservlet.saml.spid.SpidSpMetadataFactory;
import io.github.cieservlet.tools.Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/** The SPID rules of the SPSSODescriptor's services: the default ACS, the attribute services, FICEP's 99 and 100. */
final class SpidServiceRules {

    private SpidServiceRules() {
    }

    /**
     * @param profile a profile
     * @return the rules of this class that profile checks (none for CIE)
     */
    static List<SpidMetadataRule> rules(MetadataProfile profile) {
        if (!profile.isSpid()) {
            return List.of();
        }
        return profile == MetadataProfile.FICEP ? List.of(SpidMetadataRule.ACS_DEFAULT,
                SpidMetadataRule.ATTRIBUTE_SERVICES, SpidMetadataRule.FICEP_SERVICES)
                : List.of(SpidMetadataRule.ACS_DEFAULT, SpidMetadataRule.ATTRIBUTE_SERVICES);
    }

    /**
     * @param report where to record the results
     * @param sp the SPSSODescriptor
     * @param profile the profile checked ({@link SpidMetadataRule#FICEP_SERVICES} only for FICEP)
     */
    static void check(Report report, Element sp, MetadataProfile profile) {
        List<Element> defaults = Elements.children(sp, Elements.MD, "AssertionConsumerService").stream()
                .filter(acs -> "true".equals(acs.getAttributeNS(null, "isDefault").trim())).collect(Collectors.toList());
        if (defaults.size() != 1) {
            report.fail(SpidMetadataRule.ACS_DEFAULT, "found " + defaults.size() + " AssertionConsumerService with"
                    + " isDefault=\"true\"; there must be exactly one, with index 0");
        } else {
            String index = defaults.get(0).getAttributeNS(null, "index").trim();
            report.check(SpidMetadataRule.ACS_DEFAULT, "0".equals(index) ? List.of()
                    : List.of("the default AssertionConsumerService has index " + index + "; it must be 0"));
        }
        List<Element> services = Elements.children(sp, Elements.MD, "AttributeConsumingService");
        report.check(SpidMetadataRule.ATTRIBUTE_SERVICES, attributeServiceProblems(services));
        if (profile == MetadataProfile.FICEP) {
            List<String> problems = new ArrayList<>();
            ficep(services, EidasAttributeSet.MINIMUM, SpidSpMetadataFactory.EIDAS_MINIMUM_SERVICE_NAME, problems);
            ficep(services, EidasAttributeSet.FULL, SpidSpMetadataFactory.EIDAS_FULL_SERVICE_NAME, problems);
            report.check(SpidMetadataRule.FICEP_SERVICES, problems);
        }
    }

    private static List<String> attributeServiceProblems(List<Element> services) {
        List<String> problems = new ArrayList<>();
        if (services.isEmpty()) {
            problems.add("no AttributeConsumingService");
        }
        for (Element service : services) {
            String index = service.getAttributeNS(null, "index");
            if (Elements.children(service, Elements.MD, "ServiceName").stream().map(Elements::text).allMatch(String::isEmpty)) {
                problems.add("AttributeConsumingService " + index + " has no ServiceName");
            }
            List<String> names = requested(service);
            if (names.isEmpty()) {
                problems.add("AttributeConsumingService " + index + " requests no attribute");
            }
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                if (!SpidSettings.KNOWN_ATTRIBUTES.contains(name)) {
                    problems.add("AttributeConsumingService " + index + ": '" + name + "' is not a SPID attribute");
                }
                if (!seen.add(name)) {
                    problems.add("AttributeConsumingService " + index + " requests '" + name + "' twice");
                }
            }
        }
        return problems;
    }

    private static void ficep(List<Element> services, EidasAttributeSet set, String serviceName, List<String> problems) {
        String index = Integer.toString(set.index());
        List<Element> found = services.stream().filter(s -> index.equals(s.getAttributeNS(null, "index").trim()))
                .collect(Collectors.toList());
        if (found.size() != 1) {
            problems.add("no AttributeConsumingService with index " + index + " (" + serviceName + ")");
            return;
        }
        Element service = found.get(0);
        List<String> names = Elements.children(service, Elements.MD, "ServiceName").stream().map(Elements::text)
                .collect(Collectors.toList());
        if (!names.contains(serviceName)) {
            problems.add("AttributeConsumingService " + index + " has ServiceName " + names + "; it must be '"
                    + serviceName + "'");
        }
        List<String> requested = requested(service);
        if (requested.size() != set.attributes().size() || !Set.copyOf(requested).equals(Set.copyOf(set.attributes()))) {
            problems.add("AttributeConsumingService " + index + " requests " + requested + "; it must request exactly "
                    + set.attributes());
        }
    }

    private static List<String> requested(Element service) {
        return Elements.children(service, Elements.MD, "RequestedAttribute").stream()
                .map(a -> a.getAttributeNS(null, "Name")).collect(Collectors.toList());
    }
}
