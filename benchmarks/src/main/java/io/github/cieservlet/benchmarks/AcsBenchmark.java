package io.github.cieservlet.benchmarks;

import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.validation.ResponseValidator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.utils.Constants;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Assertion Consumer Service's work on one successful CIE Response of the test IdP (both signatures,
 * RSA-2048), from the base64 {@code SAMLResponse} form value to the citizen, three ways in the same run:
 * <ul>
 * <li>{@link #acs}: cie-servlet: {@link SecureXml#parse(byte[], Class)} then {@link ResponseValidator#validate}
 * with every check ({@link Fixtures#validator()});</li>
 * <li>{@link #floor}: the least any validator must do: base64, the same hardened DOM parse, and the two XML-DSig
 * checks with Santuario alone (no profile checks, no field read);</li>
 * <li>{@link #javaSaml} / {@link #javaSamlNoXsd}: OneLogin java-saml 2.9.0, strict, both signatures wanted, the
 * same IdP certificate; with its XSD validation (its default) and without.</li>
 * </ul>
 * Each setup validates once and fails if the Response is refused, so no path is measured refusing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AcsBenchmark {

    private static final String SAML2_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    private Fixtures fixtures;
    private ResponseValidator validator;
    private PublicKey idpKey;
    private Saml2Settings javaSamlStrict;
    private Saml2Settings javaSamlNoXsd;

    @Setup
    public void setUp(BenchmarkParams params) throws Exception {
        fixtures = new Fixtures(2048);
        validator = fixtures.validator();
        idpKey = fixtures.idpKey.certificate().getPublicKey();
        org.apache.xml.security.Init.init();
        javaSamlStrict = javaSamlSettings(true);
        javaSamlNoXsd = javaSamlSettings(false);
        String fiscalCode = acs().getFiscalCode();
        check(floor() != null && fiscalCode.equals(javaSaml()) && fiscalCode.equals(javaSamlNoXsd()),
                "the three validators must accept the Response and find the same citizen");
        switch (Fixtures.measured(params)) {
            case "acs": Fixtures.warmUp(3000, this::acs); break;
            case "floor": Fixtures.warmUp(3000, this::floor); break;
            case "javaSaml": Fixtures.warmUp(300, this::javaSaml); break;
            default: Fixtures.warmUp(300, this::javaSamlNoXsd);
        }
    }

    /** @return the citizen, after every check of cie-servlet */
    @Benchmark
    public CieIdentity acs() throws Exception {
        return fixtures.consume(validator);
    }

    /** @return the verified Assertion element, after base64, hardened parse and the two signature checks */
    @Benchmark
    public Element floor() throws Exception {
        byte[] xml = Base64.getMimeDecoder().decode(fixtures.responseFormValue);
        Document document = SecureXml.parse(xml);
        Element response = document.getDocumentElement();
        response.setIdAttributeNS(null, "ID", true);
        Element assertion = child(response, SAML2_NS, "Assertion");
        assertion.setIdAttributeNS(null, "ID", true);
        verify(response);
        verify(assertion);
        return assertion;
    }

    /** @return the fiscal number java-saml found, strict, XSD validation on (its default) */
    @Benchmark
    public String javaSaml() throws Exception {
        return javaSaml(javaSamlStrict);
    }

    /** @return the fiscal number java-saml found, strict, XSD validation off */
    @Benchmark
    public String javaSamlNoXsd() throws Exception {
        return javaSaml(javaSamlNoXsd);
    }

    private String javaSaml(Saml2Settings settings) throws Exception {
        HttpRequest request = new HttpRequest(fixtures.acsUrl(), (String) null)
                .addParameter("SAMLResponse", fixtures.responseFormValue);
        SamlResponse response = new SamlResponse(settings, request);
        if (!response.isValid(fixtures.pending.requestId())) {
            throw new IllegalStateException("java-saml refused the Response: " + response.getError(),
                    response.getValidationException());
        }
        List<String> fiscalNumber = response.getAttributes().get("fiscalNumber");
        return fiscalNumber.get(0).substring(CieIdentity.FISCAL_NUMBER_PREFIX.length());
    }

    private Saml2Settings javaSamlSettings(boolean xsd) {
        Map<String, Object> values = new HashMap<>();
        values.put(SettingsBuilder.STRICT_PROPERTY_KEY, true);
        values.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, Fixtures.ENTITY_ID);
        values.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, fixtures.acsUrl());
        values.put(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY, fixtures.idp.entityId());
        values.put(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_URL_PROPERTY_KEY,
                fixtures.idpEndpoints.ssoUrl(io.github.cieservlet.config.RequestBinding.POST));
        values.put(SettingsBuilder.IDP_X509CERT_PROPERTY_KEY, fixtures.idpKey.certificate());
        values.put(SettingsBuilder.SECURITY_WANT_MESSAGES_SIGNED, true);
        values.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_SIGNED, true);
        values.put(SettingsBuilder.SECURITY_WANT_XML_VALIDATION, xsd);
        return new SettingsBuilder().fromValues(values).build();
    }

    private void verify(Element signed) throws Exception {
        XMLSignature signature = new XMLSignature(child(signed, Constants.SignatureSpecNS, "Signature"), "", true);
        check(signature.checkSignatureValue(idpKey), "signature does not verify");
    }

    private static Element child(Element parent, String namespace, String localName) throws SamlXmlException {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && namespace.equals(node.getNamespaceURI())
                    && localName.equals(node.getLocalName())) {
                return (Element) node;
            }
        }
        throw new SamlXmlException("no " + localName + " in " + parent.getLocalName());
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
