package io.github.cieservlet.testidp.testing;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.saml.RedirectBinding;
import io.github.cieservlet.saml.SamlIds;
import io.github.cieservlet.saml.SamlObjects;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.XmlSigner;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import io.github.cieservlet.testidp.request.SpMetadata;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;

/**
 * A service provider for the tests: its keys (made once per JVM), its metadata, and AuthnRequests built the
 * way the CIE rules (and cie-servlet's AuthnRequestFactory) build them.
 */
public final class TestSp {

    /** The SP entity ID. */
    public static final String ENTITY_ID = "https://comune.example.it/portale";
    /** Index 0, the default ACS. */
    public static final String ACS_URL = "http://localhost:8080/portale/cie/acs";
    /** Index 1, a second HTTP-POST ACS. */
    public static final String OTHER_ACS_URL = "http://localhost:8080/portale/cie/acs2";
    /** Index 2, an HTTP-Redirect ACS that a Response cannot use. */
    public static final String REDIRECT_ACS_URL = "http://localhost:8080/portale/cie/acs-redirect";

    /** The attributes of the SPID AttributeConsumingService 0. */
    public static final List<String> SPID_ATTRIBUTES_0 = List.of("name", "familyName", "fiscalNumber", "dateOfBirth");

    private static volatile IdpCredentials key;
    private static volatile IdpCredentials otherKey;

    private TestSp() {
    }

    /** @return the SP's signing key and certificate */
    public static IdpCredentials key() {
        if (key == null) {
            key = IdpCredentials.generate(Clock.systemUTC());
        }
        return key;
    }

    /** @return a key the metadata does not list (an attacker's, or the SP's after a restart) */
    public static IdpCredentials otherKey() {
        if (otherKey == null) {
            otherKey = IdpCredentials.generate(Clock.systemUTC());
        }
        return otherKey;
    }

    /**
     * @param signing the certificate published for signing
     * @param acsUrl the URL of ACS index 0
     * @return the SP metadata: signing and encryption keys, three ACSs, AttributeConsumingService 0
     */
    public static String metadataXml(X509Certificate signing, String acsUrl) {
        return spMetadataXml(signing, acsUrl, keyDescriptor("encryption", otherKey().certificate()),
                "<md:AssertionConsumerService index=\"1\""
                + " Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"" + OTHER_ACS_URL + "\"/>"
                + "<md:AssertionConsumerService index=\"2\""
                + " Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"" + REDIRECT_ACS_URL + "\"/>"
                + "<md:AttributeConsumingService index=\"0\"><md:ServiceName xml:lang=\"\">Portale</md:ServiceName>"
                + "<md:RequestedAttribute Name=\"fiscalNumber\"/><md:RequestedAttribute Name=\"name\"/>"
                + "</md:AttributeConsumingService>");
    }

    /**
     * @param signing the certificate published for signing
     * @param acsUrl the URL of ACS index 0
     * @return SPID SP metadata as the SPID rules shape it: one HTTP-POST ACS, index 0, default; AttributeConsumingService
     *     0 ({@link #SPID_ATTRIBUTES_0}), 1 (spidCode, email) and the FICEP ones, 99 and 100
     */
    public static String spidMetadataXml(X509Certificate signing, String acsUrl) {
        return spMetadataXml(signing, acsUrl, "",
                attributeService(0, SPID_ATTRIBUTES_0.toArray(String[]::new))
                + attributeService(1, "spidCode", "email")
                + attributeService(99, "spidCode", "name", "familyName", "dateOfBirth", "fiscalNumber")
                + attributeService(100, "spidCode", "name", "familyName", "dateOfBirth", "fiscalNumber",
                        "placeOfBirth", "address", "gender"));
    }

    /**
     * @return an EntityDescriptor with its SPSSODescriptor: the signing key, {@code moreKeys}, the HTTP-Redirect
     *     SingleLogoutService, transient NameID, ACS index 0 (default, HTTP-POST, {@code acsUrl}), then {@code rest}
     */
    private static String spMetadataXml(X509Certificate signing, String acsUrl, String moreKeys, String rest) {
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + ENTITY_ID + "\">"
                + "<md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " AuthnRequestsSigned=\"true\" WantAssertionsSigned=\"true\">"
                + keyDescriptor("signing", signing)
                + moreKeys
                + "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                + " Location=\"http://localhost:8080/portale/cie/slo\"/>"
                + "<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>"
                + "<md:AssertionConsumerService index=\"0\" isDefault=\"true\""
                + " Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"" + acsUrl + "\"/>"
                + rest
                + "</md:SPSSODescriptor></md:EntityDescriptor>";
    }

    /**
     * @param signing the certificate published for signing
     * @return {@link #spidMetadataXml} with the default ACS, parsed
     */
    public static SpMetadata spidMetadata(X509Certificate signing) {
        return parsed(spidMetadataXml(signing, ACS_URL));
    }

    /**
     * @param destination the SSO URL of the SPID test IdP
     * @param now the IssueInstant
     * @return a request that passes every SPID check: Issuer with Format and NameQualifier, ForceAuthn, ACS index
     *     0, AttributeConsumingService 0, minimum SpidL2
     */
    public static AuthnRequest validSpidRequest(String destination, Instant now) {
        AuthnRequest request = validRequest(destination, now);
        request.setRequestedAuthnContext(requestedAuthnContext(AuthnContextComparisonTypeEnumeration.MINIMUM,
                CieLevel.L2.uri()));
        return request;
    }

    /**
     * @param destination the IdP's SingleLogoutService URL
     * @param idpEntityId the IdP that authenticated the citizen
     * @param now the IssueInstant
     * @return a LogoutRequest as SPID shapes it: Issuer with Format and NameQualifier, transient NameID qualified by
     *     the IdP, a SessionIndex
     */
    public static LogoutRequest logoutRequest(String destination, String idpEntityId, Instant now) {
        LogoutRequest request = SamlObjects.build(LogoutRequest.DEFAULT_ELEMENT_NAME, LogoutRequest.class);
        request.setID(SamlIds.newId());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(now);
        request.setDestination(destination);
        request.setIssuer(SamlObjects.entityIssuer(ENTITY_ID));
        NameID nameId = SamlObjects.build(NameID.DEFAULT_ELEMENT_NAME, NameID.class);
        nameId.setFormat(NameIDType.TRANSIENT);
        nameId.setNameQualifier(idpEntityId);
        nameId.setValue(SamlIds.newId());
        request.setNameID(nameId);
        SessionIndex index = SamlObjects.build(SessionIndex.DEFAULT_ELEMENT_NAME, SessionIndex.class);
        index.setValue(SamlIds.newId());
        request.getSessionIndexes().add(index);
        return request;
    }

    /**
     * @param signing the certificate published for signing
     * @return {@link #metadataXml} with the default ACS, parsed
     */
    public static SpMetadata metadata(X509Certificate signing) {
        return parsed(metadataXml(signing, ACS_URL));
    }

    private static SpMetadata parsed(String xml) {
        try {
            return SpMetadata.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (SamlXmlException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param destination the SSO URL of the binding used
     * @param now the IssueInstant
     * @return a request that passes every check: ACS index 0, AttributeConsumingService 0, minimum SpidL3
     */
    public static AuthnRequest validRequest(String destination, Instant now) {
        AuthnRequest request = SamlObjects.build(AuthnRequest.DEFAULT_ELEMENT_NAME, AuthnRequest.class);
        request.setID(SamlIds.newId());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(now);
        request.setDestination(destination);
        request.setForceAuthn(Boolean.TRUE);
        request.setAssertionConsumerServiceIndex(0);
        request.setAttributeConsumingServiceIndex(0);
        request.setIssuer(SamlObjects.entityIssuer(ENTITY_ID));
        NameIDPolicy policy = SamlObjects.build(NameIDPolicy.DEFAULT_ELEMENT_NAME, NameIDPolicy.class);
        policy.setFormat(NameIDType.TRANSIENT);
        request.setNameIDPolicy(policy);
        request.setRequestedAuthnContext(requestedAuthnContext(AuthnContextComparisonTypeEnumeration.MINIMUM,
                CieLevel.L3.uri()));
        return request;
    }

    /**
     * @param comparison the Comparison, or null for none
     * @param classRefs the AuthnContextClassRef URIs
     * @return a RequestedAuthnContext
     */
    public static RequestedAuthnContext requestedAuthnContext(AuthnContextComparisonTypeEnumeration comparison,
            String... classRefs) {
        RequestedAuthnContext context = SamlObjects.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME,
                RequestedAuthnContext.class);
        context.setComparison(comparison);
        for (String uri : classRefs) {
            AuthnContextClassRef ref = SamlObjects.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME,
                    AuthnContextClassRef.class);
            ref.setURI(uri);
            context.getAuthnContextClassRefs().add(ref);
        }
        return context;
    }

    /**
     * @param request a request
     * @param signer whose key signs it
     * @return the HTTP-POST SAMLRequest value: the request with an enveloped signature, base64
     */
    public static String signedPost(RequestAbstractType request, IdpCredentials signer) {
        new XmlSigner(signer.privateKey(), signer.certificate()).sign(request);
        return base64(SecureXml.toXml(request));
    }

    /**
     * @param request a request
     * @param signer whose key signs it
     * @param signatureAlgorithm the SignatureMethod URI
     * @param digestAlgorithm the DigestMethod URI
     * @return the HTTP-POST SAMLRequest value signed with those algorithms (XmlSigner uses RSA-SHA256 and SHA-256)
     */
    public static String signedPost(AuthnRequest request, IdpCredentials signer, String signatureAlgorithm,
            String digestAlgorithm) {
        Signature signature = SamlObjects.build(Signature.DEFAULT_ELEMENT_NAME, Signature.class);
        signature.setSigningCredential(new BasicX509Credential(signer.certificate(), signer.privateKey()));
        signature.setSignatureAlgorithm(signatureAlgorithm);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        request.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(digestAlgorithm);
        SecureXml.marshall(request);
        try {
            Signer.signObject(signature);
        } catch (SignatureException e) {
            throw new IllegalStateException(e);
        }
        return base64(SecureXml.toXml(request));
    }

    /**
     * @param xml an AuthnRequest, unsigned
     * @param relayState the RelayState, or null
     * @param signer whose key signs the query
     * @return the HTTP-Redirect query string
     */
    public static String redirectQuery(String xml, String relayState, IdpCredentials signer) {
        return RedirectBinding.signedQuery("SAMLRequest", xml, relayState, signer.privateKey(), signer.certificate());
    }

    /** @param text text @return its UTF-8 bytes in base64 */
    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String attributeService(int index, String... names) {
        StringBuilder xml = new StringBuilder("<md:AttributeConsumingService index=\"" + index + "\">"
                + "<md:ServiceName xml:lang=\"it\">Servizio " + index + "</md:ServiceName>");
        for (String name : names) {
            xml.append("<md:RequestedAttribute Name=\"").append(name).append("\"/>");
        }
        return xml.append("</md:AttributeConsumingService>").toString();
    }

    private static String keyDescriptor(String use, X509Certificate certificate) {
        try {
            return "<md:KeyDescriptor use=\"" + use + "\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                    + Base64.getEncoder().encodeToString(certificate.getEncoded())
                    + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
