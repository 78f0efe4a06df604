package io.github.cieservlet.saml.validation;

import static org.assertj.core.api.Assertions.fail;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.store.ReplayCache;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.XMLObjectBuilder;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds CIE Responses like the real identity provider's (CIE-SAML {@code protocolli.rst}, profile section 4.1),
 * signs them with {@link TestCredentials#idp()}, serialises them to bytes and parses them back, so that every
 * test validates a Response unmarshalled from a received DOM.
 *
 * <p>A test changes exactly one thing: with {@link Builder#edit}/{@link Builder#editAssertion} on the objects, or
 * {@link Builder#editXmlBeforeSigning} on the marshalled DOM, before signing (the IdP signed the faulty message);
 * or with {@link Builder#afterSigning} on the received DOM (an attacker changed a signed message).
 */
public final class TestResponses {

    public static final Instant NOW = Instant.parse("2025-03-14T10:15:30.250Z");
    static final Duration SKEW = Duration.ofSeconds(60);
    public static final Instant REQUEST_INSTANT = NOW.minusSeconds(40);
    public static final Instant REQUEST_EXPIRY = NOW.plus(Duration.ofMinutes(10));
    static final Instant ISSUE_INSTANT = NOW.minusSeconds(2);
    static final Instant AUTHN_INSTANT = NOW.minusSeconds(3);
    static final Instant CONDITIONS_NOT_ON_OR_AFTER = NOW.plus(Duration.ofMinutes(3));
    static final Instant CONFIRMATION_NOT_ON_OR_AFTER = NOW.plus(Duration.ofMinutes(4));

    public static final String REQUEST_ID = "_4d2b9f0e-6c1a-4a7e-9f55-0b8e3c2d1a77";
    public static final String RESPONSE_ID = "_9a8b7c6d5e4f4a3b8c2d1e0f9a8b7c6d";
    public static final String ASSERTION_ID = "_1f2e3d4c5b6a49788695a4b3c2d1e0f9";
    static final String NAME_ID = "AAdzZWNyZXQxp7hL3vR0mQ9cT2xY5uW8bN4jK6fEwXz";
    static final String SESSION_INDEX = "_7c3f1e9a2b6d4f80a1c5e7b9d2f4a6c8";

    static final String GIVEN_NAME = "BIANCA";
    static final String FAMILY_NAME = "ROSSI";
    static final String DATE_OF_BIRTH = "1980-01-01";
    static final String FISCAL_CODE = "RSSBNC80A41H501X";
    public static final String FISCAL_NUMBER = "TINIT-" + FISCAL_CODE;

    /**
     * While true on this thread, the valid Assertion's Issuer carries {@code Format=entity}, as SPID identity
     * providers send it (the SPID run of the conformance matrix); CIE omits it.
     */
    static final ThreadLocal<Boolean> SPID_ISSUER_FORMAT = ThreadLocal.withInitial(() -> Boolean.FALSE);

    static final String SP_ENTITY_ID = TestSettings.ENTITY_ID;
    static final String ACS_URL = TestSettings.ACS_URL;
    static final String IDP_ENTITY_ID = TestSettings.IDP_ENTITY_ID;

    static {
        try {
            InitializationService.initialize();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestResponses() {
    }

    /** @return a builder of the valid Response, signed twice by the identity provider */
    public static Builder response() {
        return new Builder();
    }

    /**
     * @param topLevel the top-level StatusCode
     * @param subLevel the second-level StatusCode, or null
     * @param message the StatusMessage, or null
     * @return a builder of an error Response (no Assertion) signed by the identity provider
     */
    static Builder error(String topLevel, String subLevel, String message) {
        return new Builder().edit(response -> {
            response.getAssertions().clear();
            response.setStatus(status(topLevel, subLevel, message));
        });
    }

    /** @return a validator for this SP at {@link #NOW}, with a fresh replay cache */
    static ResponseValidator validator() {
        return validator(new MemoryReplayCache());
    }

    /**
     * @param cache the replay cache
     * @return a validator for this SP at {@link #NOW}
     */
    static ResponseValidator validator(ReplayCache cache) {
        return new ResponseValidator(SP_ENTITY_ID, ACS_URL, SKEW, Clock.fixed(NOW, ZoneOffset.UTC), cache);
    }

    /** @return the pending request: L3, minimum */
    static PendingRequest pending() {
        return pending(CieLevel.L3, LevelComparison.MINIMUM);
    }

    /**
     * @param level requested level
     * @param comparison requested comparison
     * @return the pending request
     */
    static PendingRequest pending(CieLevel level, LevelComparison comparison) {
        return new PendingRequest(REQUEST_ID, REQUEST_INSTANT, level, comparison, "/area-riservata",
                "https://idp.example/sso", RequestBinding.POST, REQUEST_EXPIRY);
    }

    /** @return the identity provider metadata, trusting {@link TestCredentials#idp()} only */
    static IdpMetadata idp() {
        return idp(List.of(TestCredentials.idp().certificate()));
    }

    /**
     * @param certificates the trusted signing certificates
     * @return the identity provider metadata
     */
    static IdpMetadata idp(List<X509Certificate> certificates) {
        return new IdpMetadata(IDP_ENTITY_ID, Map.of(RequestBinding.POST, IDP_ENTITY_ID), null, certificates);
    }

    /**
     * @param response a received Response
     * @return the result of validating it with a fresh validator, the default pending request and metadata
     * @throws CieAuthenticationException when refused
     */
    static ValidatedResponse validate(Response response) throws CieAuthenticationException {
        return validator().validate(response, pending(), idp());
    }

    /**
     * @param response a received Response that must be refused
     * @return the refusal
     */
    static CieAuthenticationException refusal(Response response) {
        return refusal(response, pending());
    }

    /**
     * @param response a received Response that must be refused
     * @param pending the pending request
     * @return the refusal
     */
    static CieAuthenticationException refusal(Response response, PendingRequest pending) {
        try {
            ValidatedResponse accepted = validator().validate(response, pending, idp());
            return fail("expected a refusal, but Response %s was accepted", accepted.responseId());
        } catch (CieAuthenticationException e) {
            return e;
        }
    }

    /**
     * @param response a received Response that must be refused
     * @return the error of the refusal
     */
    static CieError errorOf(Response response) {
        return refusal(response).error();
    }

    /**
     * @param xml a serialised Response
     * @return the DOM, parsed with OpenSAML's parser pool
     */
    static Document parse(byte[] xml) {
        try {
            return XMLObjectProviderRegistrySupport.getParserPool().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param document a DOM whose root is a Response
     * @return the Response, unmarshalled with the DOM kept
     */
    static Response unmarshall(Document document) {
        Element root = document.getDocumentElement();
        try {
            return (Response) XMLObjectSupport.getUnmarshaller(root).unmarshall(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param parent an element
     * @param namespace the child's namespace
     * @param localName the child's local name
     * @return the first child element with that name
     */
    static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && namespace.equals(node.getNamespaceURI()) && localName.equals(node.getLocalName())) {
                return (Element) node;
            }
        }
        throw new IllegalStateException("no " + localName + " in " + parent.getLocalName());
    }

    /**
     * @param document a received Response DOM
     * @return its Assertion element
     */
    static Element assertionElement(Document document) {
        return child(document.getDocumentElement(), SAMLConstants.SAML20_NS, Assertion.DEFAULT_ELEMENT_LOCAL_NAME);
    }

    /**
     * @param document a received Response DOM
     * @param name the attribute Name
     * @return the AttributeValue element of that attribute
     */
    static Element attributeValueElement(Document document, String name) {
        Element statement = child(assertionElement(document), SAMLConstants.SAML20_NS, AttributeStatement.DEFAULT_ELEMENT_LOCAL_NAME);
        for (Node node = statement.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && name.equals(((Element) node).getAttribute(Attribute.NAME_ATTTRIB_NAME))) {
                return child((Element) node, SAMLConstants.SAML20_NS, AttributeValue.DEFAULT_ELEMENT_LOCAL_NAME);
            }
        }
        throw new IllegalStateException("no attribute " + name);
    }

    /**
     * @param <T> the type
     * @param name the element name
     * @return a new OpenSAML object
     */
    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName name) {
        return (T) XMLObjectSupport.buildXMLObject(name);
    }

    /**
     * @param topLevel top-level StatusCode
     * @param subLevel second-level StatusCode, or null
     * @param message StatusMessage, or null
     * @return a Status
     */
    static Status status(String topLevel, String subLevel, String message) {
        Status status = build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(topLevel);
        if (subLevel != null) {
            StatusCode sub = build(StatusCode.DEFAULT_ELEMENT_NAME);
            sub.setValue(subLevel);
            code.setStatusCode(sub);
        }
        status.setStatusCode(code);
        if (message != null) {
            StatusMessage statusMessage = build(StatusMessage.DEFAULT_ELEMENT_NAME);
            statusMessage.setValue(message);
            status.setStatusMessage(statusMessage);
        }
        return status;
    }

    /**
     * @param value the issuer
     * @param format its Format, or null
     * @return an Issuer
     */
    static Issuer issuer(String value, String format) {
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(value);
        issuer.setFormat(format);
        return issuer;
    }

    /**
     * @param name the attribute Name
     * @param friendlyName its FriendlyName
     * @param values its values, as xs:string
     * @return an Attribute with NameFormat basic
     */
    static Attribute attribute(String name, String friendlyName, String... values) {
        Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME);
        attribute.setName(name);
        attribute.setNameFormat(Attribute.BASIC);
        attribute.setFriendlyName(friendlyName);
        for (String value : values) {
            attribute.getAttributeValues().add(stringValue(value));
        }
        return attribute;
    }

    /**
     * @param value a text
     * @return an AttributeValue of xsi:type xs:string
     */
    static XSString stringValue(String value) {
        XMLObjectBuilder<?> builder = XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(XSString.TYPE_NAME);
        XSString xsString = (XSString) builder.buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
        xsString.setValue(value);
        return xsString;
    }

    /**
     * @param assertion an Assertion of this fixture
     * @return its bearer SubjectConfirmationData
     */
    static SubjectConfirmationData confirmationData(Assertion assertion) {
        return assertion.getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData();
    }

    /**
     * @param assertion an Assertion of this fixture
     * @return its only Audience
     */
    static Audience audience(Assertion assertion) {
        return assertion.getConditions().getAudienceRestrictions().get(0).getAudiences().get(0);
    }

    /**
     * @param assertion an Assertion of this fixture
     * @param name an attribute Name
     * @return that attribute
     */
    static Attribute attributeNamed(Assertion assertion, String name) {
        return assertion.getAttributeStatements().get(0).getAttributes().stream()
                .filter(attribute -> name.equals(attribute.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no attribute " + name));
    }

    /**
     * @param assertion an Assertion of this fixture
     * @param name an attribute Name
     * @param value the single xs:string value it gets instead
     */
    static void replaceAttributeValue(Assertion assertion, String name, String value) {
        Attribute attribute = attributeNamed(assertion, name);
        attribute.getAttributeValues().clear();
        attribute.getAttributeValues().add(stringValue(value));
    }

    private static Response validResponse() {
        Response response = build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(RESPONSE_ID);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(ISSUE_INSTANT);
        response.setInResponseTo(REQUEST_ID);
        response.setDestination(ACS_URL);
        response.setIssuer(issuer(IDP_ENTITY_ID, null));
        response.setStatus(status(StatusCode.SUCCESS, null, null));
        response.getAssertions().add(validAssertion());
        return response;
    }

    /** @return a new unsigned Assertion like the one in {@link #response()} */
    static Assertion validAssertion() {
        Assertion assertion = build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(ASSERTION_ID);
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(ISSUE_INSTANT);
        assertion.setIssuer(issuer(IDP_ENTITY_ID, SPID_ISSUER_FORMAT.get() ? NameIDType.ENTITY : null));
        assertion.setSubject(subject());
        assertion.setConditions(conditions());
        assertion.getAuthnStatements().add(authnStatement(CieLevel.L3.uri()));
        AttributeStatement attributes = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        attributes.getAttributes().add(attribute("name", "Nome", GIVEN_NAME));
        attributes.getAttributes().add(attribute("familyName", "Cognome", FAMILY_NAME));
        attributes.getAttributes().add(attribute("dateOfBirth", "Data di Nascita", DATE_OF_BIRTH));
        attributes.getAttributes().add(attribute("fiscalNumber", "Codice Fiscale", FISCAL_NUMBER));
        assertion.getAttributeStatements().add(attributes);
        return assertion;
    }

    private static Subject subject() {
        NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(NAME_ID);
        nameId.setFormat(NameIDType.TRANSIENT);
        nameId.setNameQualifier(IDP_ENTITY_ID);
        nameId.setSPNameQualifier(SP_ENTITY_ID);
        SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(ACS_URL);
        data.setInResponseTo(REQUEST_ID);
        data.setNotOnOrAfter(CONFIRMATION_NOT_ON_OR_AFTER);
        SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        confirmation.setSubjectConfirmationData(data);
        Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
        subject.setNameID(nameId);
        subject.getSubjectConfirmations().add(confirmation);
        return subject;
    }

    private static Conditions conditions() {
        Audience audience = build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setURI(SP_ENTITY_ID);
        AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        restriction.getAudiences().add(audience);
        Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(ISSUE_INSTANT);
        conditions.setNotOnOrAfter(CONDITIONS_NOT_ON_OR_AFTER);
        conditions.getAudienceRestrictions().add(restriction);
        return conditions;
    }

    /**
     * @param classRef the AuthnContextClassRef
     * @return an AuthnStatement like CIE's, with SessionIndex
     */
    static AuthnStatement authnStatement(String classRef) {
        AuthnContextClassRef ref = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        ref.setURI(classRef);
        AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
        context.setAuthnContextClassRef(ref);
        AuthnStatement statement = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        statement.setAuthnInstant(AUTHN_INSTANT);
        statement.setSessionIndex(SESSION_INDEX);
        statement.setAuthnContext(context);
        return statement;
    }

    /** Builds one Response: edits, signing, serialisation, then parsing back. */
    public static final class Builder {

        private final List<Consumer<Response>> edits = new ArrayList<>();
        private final List<Consumer<Document>> xmlEdits = new ArrayList<>();
        private final List<Consumer<Document>> receivedEdits = new ArrayList<>();
        private SpCredentials assertionSigner = TestCredentials.idp();
        private SpCredentials responseSigner = TestCredentials.idp();
        private String assertionSignatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
        private String assertionDigestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA256;
        private String responseSignatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
        private String responseDigestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA256;

        private Builder() {
        }

        /** @param edit a change to the Response before it is signed @return this builder */
        public Builder edit(Consumer<Response> edit) {
            edits.add(edit);
            return this;
        }

        /** @param edit a change to the Assertion before it is signed @return this builder */
        Builder editAssertion(Consumer<Assertion> edit) {
            return edit(response -> edit.accept(response.getAssertions().get(0)));
        }

        /**
         * @param edit a change to the marshalled DOM before it is signed, for what OpenSAML's setters cannot
         *        express (empty attributes, white space, instants without milliseconds)
         * @return this builder
         */
        Builder editXmlBeforeSigning(Consumer<Document> edit) {
            xmlEdits.add(edit);
            return this;
        }

        /** @param edit a change to the received DOM, after signing and parsing @return this builder */
        Builder afterSigning(Consumer<Document> edit) {
            receivedEdits.add(edit);
            return this;
        }

        /** @return this builder, with the Assertion left unsigned */
        Builder unsignedAssertion() {
            return assertionSignedBy(null);
        }

        /** @return this builder, with the Response left unsigned */
        Builder unsignedResponse() {
            return responseSignedBy(null);
        }

        /** @param signer who signs the Assertion, or null @return this builder */
        Builder assertionSignedBy(SpCredentials signer) {
            this.assertionSigner = signer;
            return this;
        }

        /** @param signer who signs the Response, or null @return this builder */
        Builder responseSignedBy(SpCredentials signer) {
            this.responseSigner = signer;
            return this;
        }

        /** @param signature SignatureMethod @param digest DigestMethod @return this builder */
        Builder assertionAlgorithms(String signature, String digest) {
            this.assertionSignatureAlgorithm = signature;
            this.assertionDigestAlgorithm = digest;
            return this;
        }

        /** @param signature SignatureMethod @param digest DigestMethod @return this builder */
        Builder responseAlgorithms(String signature, String digest) {
            this.responseSignatureAlgorithm = signature;
            this.responseDigestAlgorithm = digest;
            return this;
        }

        /** @return the signed Response as the identity provider sends it */
        public byte[] signedXml() {
            Response response = validResponse();
            edits.forEach(edit -> edit.accept(response));
            List<Signature> signatures = new ArrayList<>();
            if (assertionSigner != null && !response.getAssertions().isEmpty()) {
                signatures.add(prepareSignature(response.getAssertions().get(0), assertionSigner,
                        assertionSignatureAlgorithm, assertionDigestAlgorithm));
            }
            if (responseSigner != null) {
                signatures.add(prepareSignature(response, responseSigner, responseSignatureAlgorithm, responseDigestAlgorithm));
            }
            try {
                XMLObjectSupport.marshall(response);
                xmlEdits.forEach(edit -> edit.accept(response.getDOM().getOwnerDocument()));
                for (Signature signature : signatures) {
                    Signer.signObject(signature);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return SerializeSupport.nodeToString(response.getDOM()).getBytes(StandardCharsets.UTF_8);
        }

        /**
         * @return the bytes the service provider receives: the signed Response after any {@link #afterSigning}
         *         edit, serialised again without re-indenting
         */
        byte[] receivedXml() {
            Document document = parse(signedXml());
            receivedEdits.forEach(edit -> edit.accept(document));
            return SerializeSupport.nodeToString(document.getDocumentElement()).getBytes(StandardCharsets.UTF_8);
        }

        /** @return the Response as the service provider receives it, after any {@link #afterSigning} edit */
        Response received() {
            Document document = parse(signedXml());
            receivedEdits.forEach(edit -> edit.accept(document));
            return unmarshall(document);
        }

        private static Signature prepareSignature(SignableSAMLObject signed, SpCredentials signer, String algorithm,
                String digest) {
            Signature signature = build(Signature.DEFAULT_ELEMENT_NAME);
            signature.setSigningCredential(new BasicX509Credential(signer.certificate(), signer.privateKey()));
            signature.setSignatureAlgorithm(algorithm);
            signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            KeyInfo keyInfo = build(KeyInfo.DEFAULT_ELEMENT_NAME);
            try {
                KeyInfoSupport.addCertificate(keyInfo, signer.certificate());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            signature.setKeyInfo(keyInfo);
            signed.setSignature(signature);
            ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(digest);
            return signature;
        }
    }

    /** A replay cache in memory that remembers every ID forever, and what it was asked. */
    static final class MemoryReplayCache implements ReplayCache {

        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

        @Override
        public boolean firstUse(String id, Instant expiry) {
            expiries.putIfAbsent(id, expiry);
            return seen.add(id);
        }

        /** @return the IDs recorded, with the expiry of their first use */
        Map<String, Instant> recorded() {
            return Map.copyOf(expiries);
        }
    }
}
