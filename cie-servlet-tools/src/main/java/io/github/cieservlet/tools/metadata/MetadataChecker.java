package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.config.CertificateSubject;
import io.github.cieservlet.saml.EnvelopedSignatureVerifier;
import io.github.cieservlet.saml.MetadataSchema;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.tools.Report;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Checks an SP metadata document, ours or anyone's, against every {@link MetadataRule}: the CIE structure
 * rules, the SAML metadata schema, and the enveloped signature with the document's own signing certificate.
 */
public final class MetadataChecker {

    private static final List<String> SIGNATURE_ALGORITHMS = List.of(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512);
    private static final List<String> DIGEST_ALGORITHMS = List.of(SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384, SignatureConstants.ALGO_ID_DIGEST_SHA512);
    private static final List<MetadataRule> SP_RULES = List.of(MetadataRule.AUTHN_REQUESTS_SIGNED,
            MetadataRule.WANT_ASSERTIONS_SIGNED, MetadataRule.SIGNING_KEY, MetadataRule.SINGLE_LOGOUT,
            MetadataRule.NAME_ID_FORMAT, MetadataRule.ACS, MetadataRule.ATTRIBUTES);
    /** The CIE rules the SPID profiles replace with {@link SpidMetadataRule}s (or, WantAssertionsSigned, drop). */
    private static final List<MetadataRule> CIE_ONLY = List.of(MetadataRule.WANT_ASSERTIONS_SIGNED,
            MetadataRule.ATTRIBUTES, MetadataRule.CONTACT_COUNT, MetadataRule.CONTACT_EXTENSIONS,
            MetadataRule.CONTACT_COMPANY, MetadataRule.CONTACT_EMAIL);

    private final Report report = new Report();
    private final MetadataProfile profile;

    private MetadataChecker(MetadataProfile profile) {
        this.profile = profile;
    }

    /**
     * @param xml the metadata document
     * @return one result per CIE rule; only {@link MetadataRule#WELL_FORMED} when the XML cannot be parsed
     */
    public static Report check(byte[] xml) {
        return check(xml, MetadataProfile.CIE);
    }

    /**
     * @param xml the metadata document
     * @param profile the rules to apply
     * @return one result per rule of the profile; only {@link MetadataRule#WELL_FORMED} when the XML cannot be parsed
     */
    public static Report check(byte[] xml, MetadataProfile profile) {
        return new MetadataChecker(profile).run(xml);
    }

    /**
     * @param rule a CIE rule
     * @param profile a profile
     * @return whether the rule applies in that profile
     */
    static boolean applies(MetadataRule rule, MetadataProfile profile) {
        return !profile.isSpid() || !CIE_ONLY.contains(rule);
    }

    private Report run(byte[] xml) {
        Document document;
        try {
            document = SecureXml.parse(xml);
            report.pass(MetadataRule.WELL_FORMED);
        } catch (SamlXmlException e) {
            report.fail(MetadataRule.WELL_FORMED, e.getMessage());
            return report;
        }
        try {
            MetadataSchema.validate(document);
            report.pass(MetadataRule.SCHEMA);
        } catch (SAXException e) {
            report.fail(MetadataRule.SCHEMA, e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!checkRoot(root)) {
            return report;
        }
        List<X509Certificate> signingCertificates = List.of();
        List<Element> descriptors = Elements.children(root, Elements.MD, "SPSSODescriptor");
        List<String> descriptorProblems = new ArrayList<>();
        if (descriptors.size() != 1) {
            descriptorProblems.add("found " + descriptors.size() + " SPSSODescriptor");
        } else if (!List.of(descriptors.get(0).getAttributeNS(null, "protocolSupportEnumeration").split("\\s+"))
                .contains(SAMLConstants.SAML20P_NS)) {
            descriptorProblems.add("protocolSupportEnumeration does not list " + SAMLConstants.SAML20P_NS);
        }
        report.check(MetadataRule.SP_DESCRIPTOR, descriptorProblems);
        if (descriptors.isEmpty()) {
            SP_RULES.stream().filter(rule -> applies(rule, profile))
                    .forEach(rule -> report.fail(rule, "there is no SPSSODescriptor to check"));
            SpidServiceRules.rules(profile).forEach(rule -> report.fail(rule, "there is no SPSSODescriptor to check"));
        } else {
            Element sp = descriptors.get(0);
            booleanTrue(sp, "AuthnRequestsSigned", MetadataRule.AUTHN_REQUESTS_SIGNED);
            signingCertificates = signingCertificates(sp);
            checkSingleLogout(sp);
            checkNameIdFormat(sp);
            checkAssertionConsumerServices(sp);
            if (profile.isSpid()) {
                SpidServiceRules.check(report, sp, profile);
            } else {
                booleanTrue(sp, "WantAssertionsSigned", MetadataRule.WANT_ASSERTIONS_SIGNED);
                checkAttributeConsumingServices(sp);
            }
        }
        Optional<String> organizationName = checkOrganization(root);
        if (profile.isSpid()) {
            SpidContactRules.check(report, root, organizationName, profile);
        } else {
            ContactRules.check(report, root, organizationName);
        }
        checkSignature(xml, root, signingCertificates);
        checkCertificateSubject(root, signingCertificates, organizationName);
        return report;
    }

    /** The federation portal compares the certificate subject with the entity ID, organisation and its code. */
    private void checkCertificateSubject(Element root, List<X509Certificate> certificates, Optional<String> organization) {
        if (certificates.isEmpty()) {
            report.warn(MetadataRule.CERT_SUBJECT, "not checked: no readable signing certificate (see signing-key)");
            return;
        }
        Optional<String> identifier = firstText(root, "IPACode").map(code -> "PA:IT-" + code)
                .or(() -> firstText(root, "VATNumber").map(vat -> "VATIT-" + (vat.startsWith("IT") ? vat.substring(2) : vat)))
                .or(() -> firstText(root, "FiscalCode").map(code -> "CF:IT-" + code));
        List<String> problems = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            problems.addAll(CertificateSubject.of(certificate).mismatches(root.getAttributeNS(null, "entityID"),
                    organization.orElse(""), identifier));
        }
        report.check(MetadataRule.CERT_SUBJECT, problems);
    }

    private static Optional<String> firstText(Element root, String localName) {
        org.w3c.dom.NodeList nodes = root.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? Optional.empty()
                : Optional.of(nodes.item(0).getTextContent().trim()).filter(text -> !text.isEmpty());
    }

    private boolean checkRoot(Element root) {
        if (Elements.MD.equals(root.getNamespaceURI()) && "EntitiesDescriptor".equals(root.getLocalName())) {
            report.fail(MetadataRule.ROOT, "EntitiesDescriptor is not accepted; upload one EntityDescriptor per file");
            return false;
        }
        if (!Elements.MD.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())) {
            report.fail(MetadataRule.ROOT, "the root is {" + root.getNamespaceURI() + "}" + root.getLocalName());
            return false;
        }
        report.check(MetadataRule.ROOT, root.getAttributeNS(null, "entityID").isBlank() ? List.of("entityID is missing") : List.of());
        return true;
    }

    private void booleanTrue(Element sp, String attribute, MetadataRule rule) {
        Optional<String> value = Elements.attribute(sp, attribute);
        report.check(rule, value.filter(v -> "true".equals(v.trim())).isPresent() ? List.of()
                : List.of(attribute + " is " + value.map(v -> "'" + v + "'").orElse("missing") + "; it must be true"));
    }

    private List<X509Certificate> signingCertificates(Element sp) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Element key : Elements.children(sp, Elements.MD, "KeyDescriptor")) {
            String use = key.getAttributeNS(null, "use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            List<Element> encoded = Elements.only(key, Elements.DS, "KeyInfo")
                    .flatMap(info -> Elements.only(info, Elements.DS, "X509Data"))
                    .map(data -> Elements.children(data, Elements.DS, "X509Certificate")).orElse(List.of());
            if (encoded.isEmpty()) {
                problems.add("a signing KeyDescriptor has no ds:KeyInfo/ds:X509Data/ds:X509Certificate");
            }
            for (Element certificate : encoded) {
                try {
                    certificates.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                            new ByteArrayInputStream(Base64.getMimeDecoder().decode(Elements.text(certificate)))));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    problems.add("a signing ds:X509Certificate is not a whole X.509 certificate (" + e.getMessage() + ")");
                }
            }
        }
        if (certificates.isEmpty() && problems.isEmpty()) {
            problems.add("no KeyDescriptor with use=\"signing\"");
        }
        report.check(MetadataRule.SIGNING_KEY, problems);
        return certificates;
    }

    private void checkSingleLogout(Element sp) {
        List<Element> services = Elements.children(sp, Elements.MD, "SingleLogoutService");
        if (services.isEmpty()) {
            report.fail(MetadataRule.SINGLE_LOGOUT, "no SingleLogoutService (required even though CIE does no SAML logout)");
        } else {
            report.check(MetadataRule.SINGLE_LOGOUT, services.stream().anyMatch(s -> SAMLConstants.SAML2_REDIRECT_BINDING_URI
                    .equals(s.getAttributeNS(null, "Binding"))) ? List.of()
                    : List.of("no SingleLogoutService has Binding=\"" + SAMLConstants.SAML2_REDIRECT_BINDING_URI + "\""));
        }
    }

    private void checkNameIdFormat(Element sp) {
        List<String> formats = Elements.children(sp, Elements.MD, "NameIDFormat").stream().map(Elements::text).toList();
        report.check(MetadataRule.NAME_ID_FORMAT, formats.size() <= 1 && formats.stream().allMatch(NameIDType.TRANSIENT::equals)
                ? List.of() : List.of("found " + formats + "; use at most one, " + NameIDType.TRANSIENT));
    }

    private void checkAssertionConsumerServices(Element sp) {
        List<Element> services = Elements.children(sp, Elements.MD, "AssertionConsumerService");
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (services.isEmpty()) {
            problems.add("no AssertionConsumerService");
        }
        Set<String> indexes = new HashSet<>();
        for (Element service : services) {
            String location = service.getAttributeNS(null, "Location");
            String index = service.getAttributeNS(null, "index");
            if (!indexes.add(index)) {
                problems.add("index " + index + " is used twice");
            }
            switch (scheme(location)) {
                case "https" -> { }
                case "localhost" -> warnings.add(location + " is plain http: fine on this machine, refused by the federation portal");
                default -> problems.add("Location '" + location + "' is not an https URL");
            }
        }
        if (!problems.isEmpty()) {
            report.fail(MetadataRule.ACS, String.join("; ", problems));
        } else if (!warnings.isEmpty()) {
            report.warn(MetadataRule.ACS, String.join("; ", warnings));
        } else {
            report.pass(MetadataRule.ACS);
        }
    }

    /** @return https, localhost (plain http to this machine) or other */
    private static String scheme(String location) {
        try {
            URI uri = new URI(location);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null) {
                return "other";
            }
            if ("https".equals(scheme)) {
                return "https";
            }
            return "http".equals(scheme) && List.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost()) ? "localhost" : "other";
        } catch (URISyntaxException e) {
            return "other";
        }
    }

    private void checkAttributeConsumingServices(Element sp) {
        List<Element> services = Elements.children(sp, Elements.MD, "AttributeConsumingService");
        List<String> problems = new ArrayList<>();
        if (services.isEmpty()) {
            problems.add("no AttributeConsumingService");
        }
        Set<String> indexes = new HashSet<>();
        for (Element service : services) {
            String index = service.getAttributeNS(null, "index");
            if (!indexes.add(index)) {
                problems.add("index " + index + " is used twice");
            }
            List<Element> requested = Elements.children(service, Elements.MD, "RequestedAttribute");
            if (requested.isEmpty()) {
                problems.add("AttributeConsumingService " + index + " requests no attribute");
            }
            for (Element attribute : requested) {
                String name = attribute.getAttributeNS(null, "Name");
                if (!SpMetadataFactory.REQUESTED_ATTRIBUTES.contains(name)) {
                    problems.add("'" + name + "' is not released by CIE (only " + SpMetadataFactory.REQUESTED_ATTRIBUTES + ")");
                }
            }
        }
        report.check(MetadataRule.ATTRIBUTES, problems);
    }

    /** @return the Italian OrganizationName, when there is one */
    private Optional<String> checkOrganization(Element root) {
        Optional<Element> organization = Elements.only(root, Elements.MD, "Organization");
        if (organization.isEmpty()) {
            report.fail(MetadataRule.ORGANIZATION, "there must be one Organization");
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        Optional<String> name = italian(organization.get(), "OrganizationName", problems);
        italian(organization.get(), "OrganizationDisplayName", problems);
        italian(organization.get(), "OrganizationURL", problems);
        report.check(MetadataRule.ORGANIZATION, problems);
        return name;
    }

    private static Optional<String> italian(Element organization, String localName, List<String> problems) {
        Optional<String> text = Elements.children(organization, Elements.MD, localName).stream()
                .filter(e -> "it".equals(e.getAttributeNS(Elements.XML, "lang")))
                .map(Elements::text).filter(t -> !t.isEmpty()).findFirst();
        if (text.isEmpty()) {
            problems.add("no " + localName + " with xml:lang=\"it\"");
        }
        return text;
    }

    private void checkSignature(byte[] xml, Element root, List<X509Certificate> certificates) {
        Optional<Element> signature = Elements.only(root, Elements.DS, "Signature");
        if (signature.isEmpty()) {
            report.fail(MetadataRule.SIGNATURE_ALGORITHMS, "the EntityDescriptor must have one enveloped ds:Signature");
            report.fail(MetadataRule.SIGNATURE, "the metadata is not signed");
            return;
        }
        List<String> problems = new ArrayList<>();
        Elements.only(signature.get(), Elements.DS, "SignedInfo").ifPresentOrElse(info -> {
            String method = Elements.only(info, Elements.DS, "SignatureMethod").map(e -> e.getAttributeNS(null, "Algorithm")).orElse("");
            if (!SIGNATURE_ALGORITHMS.contains(method)) {
                problems.add("SignatureMethod '" + method + "' is not RSA with SHA-256 or stronger");
            }
            for (Element reference : Elements.children(info, Elements.DS, "Reference")) {
                String digest = Elements.only(reference, Elements.DS, "DigestMethod").map(e -> e.getAttributeNS(null, "Algorithm")).orElse("");
                if (!DIGEST_ALGORITHMS.contains(digest)) {
                    problems.add("DigestMethod '" + digest + "' is not SHA-256 or stronger");
                }
            }
        }, () -> problems.add("ds:Signature has no SignedInfo"));
        report.check(MetadataRule.SIGNATURE_ALGORITHMS, problems);
        if (certificates.isEmpty()) {
            report.fail(MetadataRule.SIGNATURE, "no signing certificate in the metadata to verify it with");
            return;
        }
        try {
            report.check(MetadataRule.SIGNATURE, EnvelopedSignatureVerifier.isValid(SecureXml.parse(xml, EntityDescriptor.class), certificates)
                    ? List.of() : List.of("the signature does not verify with the signing certificate: the document was"
                    + " changed after signing, signed with another key, or not by the SAML signature profile"));
        } catch (SamlXmlException e) {
            report.fail(MetadataRule.SIGNATURE, "cannot read the EntityDescriptor (" + e.getMessage() + ")");
        }
    }
}
