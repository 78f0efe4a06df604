package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.IDP_ENTITY_ID;
import static io.github.cieservlet.saml.validation.TestResponses.assertionElement;
import static io.github.cieservlet.saml.validation.TestResponses.build;
import static io.github.cieservlet.saml.validation.TestResponses.child;
import static io.github.cieservlet.saml.validation.TestResponses.confirmationData;
import static io.github.cieservlet.saml.validation.TestResponses.issuer;
import static io.github.cieservlet.saml.validation.TestResponses.response;

import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.testing.TestCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The conformance matrix: every Response case 1-113 of the SPID/CIE validators (spid-saml-check numbering, the
 * descriptions and expected outcomes of spid-sp-test's {@code responses/settings.py}, cie-saml-profile.md section
 * 4.2), as this library answers it. Each applicable case starts from the valid Response of {@link TestResponses}
 * (signed by the identity provider) and changes exactly one thing: before signing when the identity provider
 * would have signed the faulty message, after signing when the case is an attacker's change.
 *
 * <p>{@code docs/conformance.md} is checked against these rows by {@link ConformanceMatrixTest}.
 */
final class ConformanceCases {

    private static final String SAML = SAMLConstants.SAML20_NS;
    private static final String DS = SignatureConstants.XMLSIG_NS;
    private static final String BAD_INSTANT = "14/03/2025 10:15:28";
    private static final String NO_CASE = "spid-sp-test has no Response case with this number and cie-saml-profile.md "
            + "section 4.2 cites none, so no check is defined for it";

    private ConformanceCases() {
    }

    /** @return the 113 rows, in number order */
    static List<ConformanceCase> all() {
        List<ConformanceCase> rows = new ArrayList<>();
        // Signatures
        rows.add(ok(1, "Valid Response, Response and Assertion signed by the IdP", response()));
        rows.add(ko(2, "Neither the Response nor the Assertion signed", CieError.SIGNATURE_MISSING,
                response().unsignedResponse().unsignedAssertion()));
        rows.add(ko(3, "Response signed, Assertion not signed", CieError.SIGNATURE_MISSING, response().unsignedAssertion()));
        rows.add(ko(4, "Response signed with a key other than the IdP metadata's, no certificate in the message",
                CieError.SIGNATURE_INVALID, response().responseSignedBy(TestCredentials.attacker()).afterSigning(document -> {
                    Element signature = child(document.getDocumentElement(), DS, "Signature");
                    signature.removeChild(child(signature, DS, "KeyInfo"));
                })));
        rows.add(ko(5, "Response signed with a key other than the IdP metadata's, that key's X509Certificate in the Response",
                CieError.SIGNATURE_INVALID, response().responseSignedBy(TestCredentials.attacker())));
        rows.add(ko(6, "Signature wrapping: a forged Assertion carries the IdP's signature, the signed original is "
                + "hidden in Extensions (XSW1-XSW8 in SignatureWrappingTest)", CieError.SIGNATURE_INVALID,
                response().unsignedResponse().afterSigning(ConformanceCases::hideOriginalInExtensions)));
        rows.add(ko(7, "XSLT transform added to the Assertion signature's Transforms", CieError.SIGNATURE_INVALID,
                response().unsignedResponse().afterSigning(ConformanceCases::addXsltTransform)));
        // Response element
        rows.add(ko(8, "Response ID empty (Response unsigned: a signature cannot reference an empty ID)",
                CieError.INVALID_MESSAGE_ATTRIBUTES, response().unsignedResponse().editXmlBeforeSigning(onResponse("ID", ""))));
        rows.add(ko(9, "Response ID missing (Response unsigned)", CieError.INVALID_MESSAGE_ATTRIBUTES,
                response().unsignedResponse().edit(r -> r.setID(null))));
        rows.add(ko(10, "Response Version 1.1 instead of 2.0", CieError.INVALID_MESSAGE_ATTRIBUTES,
                response().edit(r -> r.setVersion(SAMLVersion.VERSION_11))));
        rows.add(ko(11, "Response IssueInstant empty (read as missing)", CieError.INVALID_ISSUE_INSTANT,
                response().editXmlBeforeSigning(onResponse("IssueInstant", ""))));
        rows.add(ko(12, "Response IssueInstant missing", CieError.INVALID_ISSUE_INSTANT,
                response().edit(r -> r.setIssueInstant(null))));
        rows.add(ko(13, "Response IssueInstant not an xs:dateTime", CieError.MALFORMED_RESPONSE,
                response().editXmlBeforeSigning(onResponse("IssueInstant", BAD_INSTANT))));
        rows.add(ko(14, "Response IssueInstant before the AuthnRequest's", CieError.INVALID_ISSUE_INSTANT,
                response().edit(r -> r.setIssueInstant(Instant.parse("2018-01-01T00:00:00Z")))));
        rows.add(ko(15, "Response IssueInstant after the time of receipt", CieError.INVALID_ISSUE_INSTANT,
                response().edit(r -> r.setIssueInstant(Instant.parse("2099-01-01T00:00:00Z")))));
        rows.add(ko(16, "Response InResponseTo empty", CieError.UNKNOWN_REQUEST,
                response().editXmlBeforeSigning(onResponse("InResponseTo", ""))));
        rows.add(ko(17, "Response InResponseTo missing", CieError.UNKNOWN_REQUEST, response().edit(r -> r.setInResponseTo(null))));
        rows.add(ko(18, "Response InResponseTo not the ID of the pending AuthnRequest", CieError.UNKNOWN_REQUEST,
                response().edit(r -> r.setInResponseTo("inresponsetodiversodaidrequest"))));
        rows.add(ko(19, "Response Destination empty", CieError.INVALID_DESTINATION,
                response().editXmlBeforeSigning(onResponse("Destination", ""))));
        rows.add(ko(20, "Response Destination missing", CieError.INVALID_DESTINATION, response().edit(r -> r.setDestination(null))));
        rows.add(ko(21, "Response Destination not the ACS URL", CieError.INVALID_DESTINATION,
                response().edit(r -> r.setDestination("https://sp.example.org/diversodaassertionconsumerserviceurl"))));
        rows.add(ko(22, "Status empty (no StatusCode)", CieError.INVALID_STATUS,
                response().edit(r -> r.setStatus(build(Status.DEFAULT_ELEMENT_NAME)))));
        rows.add(ko(23, "Status missing", CieError.INVALID_STATUS, response().edit(r -> r.setStatus(null))));
        rows.add(ko(24, "StatusCode without Value", CieError.INVALID_STATUS,
                response().edit(r -> r.getStatus().getStatusCode().setValue(null))));
        rows.add(ko(25, "StatusCode missing, Status with only a StatusMessage", CieError.INVALID_STATUS,
                response().edit(r -> r.getStatus().setStatusCode(null)).edit(r -> {
                    StatusMessage message = build(StatusMessage.DEFAULT_ELEMENT_NAME);
                    message.setValue("Success");
                    r.getStatus().setStatusMessage(message);
                })));
        rows.add(ko(26, "StatusCode not Success (Requester): error page with the IdP's answer", CieError.IDP_REQUEST_REJECTED,
                response().edit(r -> r.getStatus().getStatusCode().setValue(StatusCode.REQUESTER))));
        rows.add(ko(27, "Response Issuer empty", CieError.INVALID_ISSUER, response().edit(r -> r.setIssuer(issuer("", null)))));
        rows.add(ko(28, "Response Issuer missing", CieError.INVALID_ISSUER, response().edit(r -> r.setIssuer(null))));
        rows.add(ko(29, "Response Issuer not the IdP entity ID", CieError.INVALID_ISSUER,
                response().edit(r -> r.setIssuer(issuer("https://idp.attacker.example", null)))));
        rows.add(ko(30, "Response Issuer Format neither absent nor entity (transient)", CieError.INVALID_ISSUER,
                response().edit(r -> r.setIssuer(issuer(IDP_ENTITY_ID, NameIDType.TRANSIENT)))));
        rows.add(ok(31, "Response Issuer Format omitted, as CIE sends it", response()
                .edit(r -> r.setIssuer(issuer(IDP_ENTITY_ID, null)))));
        rows.add(ko(32, "Success without Assertion", CieError.INVALID_ASSERTION, response().edit(r -> r.getAssertions().clear())));
        // Assertion element
        rows.add(ko(33, "Assertion ID empty (its signature cannot reference it)", CieError.SIGNATURE_INVALID,
                response().editAssertion(a -> a.setID(""))));
        rows.add(ko(34, "Assertion ID missing (its signature cannot reference it)", CieError.SIGNATURE_INVALID,
                response().editAssertion(a -> a.setID(null))));
        rows.add(ko(35, "Assertion Version 1.1 instead of 2.0", CieError.INVALID_MESSAGE_ATTRIBUTES,
                response().editAssertion(a -> a.setVersion(SAMLVersion.VERSION_11))));
        rows.add(ko(36, "Assertion IssueInstant empty (read as missing)", CieError.INVALID_ISSUE_INSTANT,
                response().editXmlBeforeSigning(onAssertion("IssueInstant", ""))));
        rows.add(ko(37, "Assertion IssueInstant missing", CieError.INVALID_ISSUE_INSTANT,
                response().editAssertion(a -> a.setIssueInstant(null))));
        rows.add(ko(38, "Assertion IssueInstant not an xs:dateTime", CieError.MALFORMED_RESPONSE,
                response().editXmlBeforeSigning(onAssertion("IssueInstant", BAD_INSTANT))));
        rows.add(ko(39, "Assertion IssueInstant before the AuthnRequest's", CieError.INVALID_ISSUE_INSTANT,
                response().editAssertion(a -> a.setIssueInstant(Instant.parse("2018-01-01T00:00:00Z")))));
        rows.add(ko(40, "Assertion IssueInstant after the time of receipt", CieError.INVALID_ISSUE_INSTANT,
                response().editAssertion(a -> a.setIssueInstant(Instant.parse("2099-01-01T00:00:00Z")))));
        rows.add(ko(41, "Subject empty", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> a.setSubject(build(Subject.DEFAULT_ELEMENT_NAME)))));
        rows.add(ko(42, "Subject missing", CieError.INVALID_SUBJECT, response().editAssertion(a -> a.setSubject(null))));
        rows.add(ko(43, "NameID empty", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> a.getSubject().getNameID().setValue(null))));
        rows.add(ko(44, "NameID missing", CieError.INVALID_SUBJECT, response().editAssertion(a -> a.getSubject().setNameID(null))));
        rows.add(ko(45, "NameID Format empty", CieError.INVALID_SUBJECT,
                response().editXmlBeforeSigning(onAssertionChild(new String[] {"Subject", "NameID"}, "Format", ""))));
        rows.add(ko(46, "NameID Format missing", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> a.getSubject().getNameID().setFormat(null))));
        rows.add(ko(47, "NameID Format not transient (persistent)", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> a.getSubject().getNameID().setFormat(NameIDType.PERSISTENT))));
        rows.add(ko(48, "NameID NameQualifier empty", CieError.INVALID_SUBJECT,
                response().editXmlBeforeSigning(onAssertionChild(new String[] {"Subject", "NameID"}, "NameQualifier", ""))));
        rows.add(ko(49, "NameID NameQualifier missing", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> a.getSubject().getNameID().setNameQualifier(null))));
        rows.add(na(50, "(no case with this number)", NO_CASE));
        rows.add(ko(51, "SubjectConfirmation empty", CieError.INVALID_SUBJECT, response().editAssertion(a -> {
            a.getSubject().getSubjectConfirmations().clear();
            a.getSubject().getSubjectConfirmations().add(build(SubjectConfirmation.DEFAULT_ELEMENT_NAME));
        })));
        rows.add(ko(52, "SubjectConfirmation missing", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> a.getSubject().getSubjectConfirmations().clear())));
        rows.add(ko(53, "SubjectConfirmation Method empty", CieError.INVALID_SUBJECT, response().editXmlBeforeSigning(
                onAssertionChild(new String[] {"Subject", "SubjectConfirmation"}, "Method", ""))));
        rows.add(ko(54, "SubjectConfirmation Method missing", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> a.getSubject().getSubjectConfirmations().get(0).setMethod(null))));
        rows.add(ko(55, "SubjectConfirmation Method not bearer (holder-of-key)", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> a.getSubject().getSubjectConfirmations().get(0)
                        .setMethod(SubjectConfirmation.METHOD_HOLDER_OF_KEY))));
        rows.add(ko(56, "SubjectConfirmationData missing", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> a.getSubject().getSubjectConfirmations().get(0).setSubjectConfirmationData(null))));
        rows.add(ko(57, "SubjectConfirmationData Recipient empty", CieError.INVALID_DESTINATION,
                response().editXmlBeforeSigning(onConfirmationData("Recipient", ""))));
        rows.add(ko(58, "SubjectConfirmationData Recipient missing", CieError.INVALID_DESTINATION,
                response().editAssertion(a -> confirmationData(a).setRecipient(null))));
        rows.add(ko(59, "SubjectConfirmationData Recipient not the ACS URL", CieError.INVALID_DESTINATION,
                response().editAssertion(a -> confirmationData(a).setRecipient("https://sp.example.org/another/acs"))));
        rows.add(ko(60, "SubjectConfirmationData InResponseTo empty", CieError.UNKNOWN_REQUEST,
                response().editXmlBeforeSigning(onConfirmationData("InResponseTo", ""))));
        rows.add(ko(61, "SubjectConfirmationData InResponseTo missing", CieError.UNKNOWN_REQUEST,
                response().editAssertion(a -> confirmationData(a).setInResponseTo(null))));
        rows.add(ko(62, "SubjectConfirmationData InResponseTo not the ID of the pending AuthnRequest", CieError.UNKNOWN_REQUEST,
                response().editAssertion(a -> confirmationData(a).setInResponseTo("inresponsetodiversodaidrequest"))));
        rows.add(ko(63, "SubjectConfirmationData NotOnOrAfter empty (read as missing)", CieError.INVALID_SUBJECT,
                response().editXmlBeforeSigning(onConfirmationData("NotOnOrAfter", ""))));
        rows.add(ko(64, "SubjectConfirmationData NotOnOrAfter missing", CieError.INVALID_SUBJECT,
                response().editAssertion(a -> confirmationData(a).setNotOnOrAfter(null))));
        rows.add(ko(65, "SubjectConfirmationData NotOnOrAfter not an xs:dateTime", CieError.MALFORMED_RESPONSE,
                response().editXmlBeforeSigning(onConfirmationData("NotOnOrAfter", BAD_INSTANT))));
        rows.add(ko(66, "SubjectConfirmationData NotOnOrAfter before the time of receipt", CieError.INVALID_CONDITIONS,
                response().editAssertion(a -> confirmationData(a).setNotOnOrAfter(Instant.parse("2018-01-01T00:00:00Z")))));
        rows.add(ko(67, "Assertion Issuer empty", CieError.INVALID_ISSUER, response().editAssertion(a -> a.setIssuer(issuer("", null)))));
        rows.add(ko(68, "Assertion Issuer missing", CieError.INVALID_ISSUER, response().editAssertion(a -> a.setIssuer(null))));
        rows.add(ko(69, "Assertion Issuer not the IdP entity ID", CieError.INVALID_ISSUER,
                response().editAssertion(a -> a.setIssuer(issuer("https://idp.attacker.example", null)))));
        rows.add(ko(70, "Assertion Issuer Format empty (SPID: KO; CIE: a present Format must be entity)", CieError.INVALID_ISSUER,
                response().editXmlBeforeSigning(onAssertionChild(new String[] {"Issuer"}, "Format", ""))));
        rows.add(ok(71, "Assertion Issuer Format missing (SPID: KO; CIE omits it, spid-sp-test skips 70/71 for CIE)",
                response().editAssertion(a -> a.setIssuer(issuer(IDP_ENTITY_ID, null)))));
        rows.add(ko(72, "Assertion Issuer Format neither absent nor entity (transient)", CieError.INVALID_ISSUER,
                response().editAssertion(a -> a.setIssuer(issuer(IDP_ENTITY_ID, NameIDType.TRANSIENT)))));
        rows.add(ko(73, "Conditions empty", CieError.INVALID_CONDITIONS,
                response().editAssertion(a -> a.setConditions(build(Conditions.DEFAULT_ELEMENT_NAME)))));
        rows.add(ko(74, "Conditions missing", CieError.INVALID_CONDITIONS, response().editAssertion(a -> a.setConditions(null))));
        rows.add(ko(75, "Conditions NotBefore empty (read as missing)", CieError.INVALID_CONDITIONS,
                response().editXmlBeforeSigning(onAssertionChild(new String[] {"Conditions"}, "NotBefore", ""))));
        rows.add(ko(76, "Conditions NotBefore missing", CieError.INVALID_CONDITIONS,
                response().editAssertion(a -> a.getConditions().setNotBefore(null))));
        rows.add(ko(77, "Conditions NotBefore not an xs:dateTime", CieError.MALFORMED_RESPONSE,
                response().editXmlBeforeSigning(onAssertionChild(new String[] {"Conditions"}, "NotBefore", BAD_INSTANT))));
        rows.add(ko(78, "Conditions NotBefore after the time of receipt", CieError.INVALID_CONDITIONS,
                response().editAssertion(a -> a.getConditions().setNotBefore(Instant.parse("2099-01-01T00:00:00Z")))));
        rows.add(ko(79, "Conditions NotOnOrAfter empty (read as missing)", CieError.INVALID_CONDITIONS,
                response().editXmlBeforeSigning(onAssertionChild(new String[] {"Conditions"}, "NotOnOrAfter", ""))));
        rows.add(ko(80, "Conditions NotOnOrAfter missing", CieError.INVALID_CONDITIONS,
                response().editAssertion(a -> a.getConditions().setNotOnOrAfter(null))));
        rows.add(ko(81, "Conditions NotOnOrAfter not an xs:dateTime", CieError.MALFORMED_RESPONSE,
                response().editXmlBeforeSigning(onAssertionChild(new String[] {"Conditions"}, "NotOnOrAfter", BAD_INSTANT))));
        rows.add(ko(82, "Conditions NotOnOrAfter before the time of receipt", CieError.INVALID_CONDITIONS,
                response().editAssertion(a -> a.getConditions().setNotOnOrAfter(Instant.parse("2018-01-01T00:00:00Z")))));
        rows.add(ko(83, "AudienceRestriction empty (no Audience)", CieError.INVALID_AUDIENCE, response().editAssertion(a -> {
            a.getConditions().getAudienceRestrictions().clear();
            a.getConditions().getAudienceRestrictions().add(build(AudienceRestriction.DEFAULT_ELEMENT_NAME));
        })));
        rows.add(ko(84, "AudienceRestriction missing", CieError.INVALID_AUDIENCE,
                response().editAssertion(a -> a.getConditions().getAudienceRestrictions().clear())));
        rows.add(ko(85, "Audience empty", CieError.INVALID_AUDIENCE,
                response().editAssertion(a -> TestResponses.audience(a).setURI(null))));
        rows.add(ko(86, "Audience missing from a second AudienceRestriction", CieError.INVALID_AUDIENCE,
                response().editAssertion(a -> a.getConditions().getAudienceRestrictions()
                        .add(build(AudienceRestriction.DEFAULT_ELEMENT_NAME)))));
        rows.add(ko(87, "Audience not this SP's entity ID", CieError.INVALID_AUDIENCE,
                response().editAssertion(a -> TestResponses.audience(a).setURI("https://another-sp.example.org"))));
        rows.add(ko(88, "AuthnStatement empty", CieError.INVALID_AUTHN_CONTEXT, response().editAssertion(a -> {
            a.getAuthnStatements().clear();
            a.getAuthnStatements().add(build(AuthnStatement.DEFAULT_ELEMENT_NAME));
        })));
        rows.add(ko(89, "AuthnStatement missing", CieError.INVALID_AUTHN_CONTEXT,
                response().editAssertion(a -> a.getAuthnStatements().clear())));
        rows.add(ko(90, "AuthnContext empty", CieError.INVALID_AUTHN_CONTEXT,
                response().editAssertion(a -> a.getAuthnStatements().get(0).setAuthnContext(build(AuthnContext.DEFAULT_ELEMENT_NAME)))));
        rows.add(ko(91, "AuthnContext missing", CieError.INVALID_AUTHN_CONTEXT,
                response().editAssertion(a -> a.getAuthnStatements().get(0).setAuthnContext(null))));
        rows.add(ko(92, "AuthnContextClassRef empty", CieError.INVALID_AUTHN_CONTEXT,
                response().editAssertion(a -> a.getAuthnStatements().get(0).getAuthnContext().getAuthnContextClassRef().setURI(null))));
        rows.add(ko(93, "AuthnContextClassRef missing", CieError.INVALID_AUTHN_CONTEXT,
                response().editAssertion(a -> a.getAuthnStatements().get(0).getAuthnContext().setAuthnContextClassRef(null))));
        rows.add(ko(94, "AuthnContextClassRef SpidL1 when L2 (minimum) was requested", CieError.INSUFFICIENT_LEVEL,
                TestResponses.pending(CieLevel.L2, LevelComparison.MINIMUM), response().editAssertion(classRef(CieLevel.L1.uri()))));
        rows.add(ok(95, "AuthnContextClassRef SpidL2 when L2 (minimum) was requested",
                TestResponses.pending(CieLevel.L2, LevelComparison.MINIMUM), response().editAssertion(classRef(CieLevel.L2.uri()))));
        rows.add(ok(96, "AuthnContextClassRef SpidL3 when L2 (minimum) was requested: a higher level is accepted",
                TestResponses.pending(CieLevel.L2, LevelComparison.MINIMUM), response().editAssertion(classRef(CieLevel.L3.uri()))));
        rows.add(ko(97, "AuthnContextClassRef a value of the old specification (urn:...:ac:classes:SpidL1)",
                CieError.INVALID_AUTHN_CONTEXT, response().editAssertion(classRef("urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1"))));
        rows.add(ko(98, "AttributeStatement without Attribute", CieError.INVALID_ATTRIBUTES,
                response().editAssertion(a -> a.getAttributeStatements().get(0).getAttributes().clear())));
        rows.add(ko(99, "Attribute (fiscalNumber) with an empty value", CieError.INVALID_ATTRIBUTES,
                response().editAssertion(a -> TestResponses.replaceAttributeValue(a, "fiscalNumber", ""))));
        rows.add(ko(100, "Assertion signed with another key (its certificate in KeyInfo), Response signed by the IdP",
                CieError.SIGNATURE_INVALID, response().assertionSignedBy(TestCredentials.attacker())));
        rows.add(na(101, "(no case with this number)", NO_CASE));
        rows.add(na(102, "(no case with this number)", NO_CASE));
        rows.add(ko(103, "Attribute set other than the one requested (spidCode and address instead of the CIE dataset)",
                CieError.INVALID_ATTRIBUTES, response().editAssertion(a -> {
                    AttributeStatement statement = a.getAttributeStatements().get(0);
                    statement.getAttributes().clear();
                    statement.getAttributes().add(TestResponses.attribute("spidCode", "Codice identificativo", "AGID-001"));
                    statement.getAttributes().add(TestResponses.attribute("address", "Domicilio fisico", "via Test"));
                })));
        rows.add(ko(104, "Status Responder/AuthnFailed, ErrorCode nr19 (reserved in CIE): error page",
                CieError.IDP_AUTHENTICATION_FAILED, idpError("ErrorCode nr19")));
        rows.add(ko(105, "Status Responder/AuthnFailed, ErrorCode nr20 (reserved in CIE): error page",
                CieError.IDP_AUTHENTICATION_FAILED, idpError("ErrorCode nr20")));
        rows.add(ko(106, "Status Responder/AuthnFailed, ErrorCode nr21 (timeout): error page", CieError.IDP_TIMEOUT,
                idpError("ErrorCode nr21")));
        rows.add(ko(107, "Status Responder/AuthnFailed, ErrorCode nr22 (consent denied): error page", CieError.IDP_CONSENT_DENIED,
                idpError("ErrorCode nr22")));
        rows.add(ko(108, "Status Responder/AuthnFailed, ErrorCode nr23 (card expired or revoked): error page",
                CieError.IDP_CARD_EXPIRED_OR_REVOKED, idpError("ErrorCode nr23")));
        rows.add(ok(109, "Attributes without NameFormat", response().editAssertion(a -> {
            for (Attribute attribute : a.getAttributeStatements().get(0).getAttributes()) {
                attribute.setNameFormat(null);
            }
        })));
        rows.add(ok(110, "Response and Assertion IssueInstant with milliseconds (.123)", response().editXmlBeforeSigning(document -> {
            document.getDocumentElement().setAttributeNS(null, "IssueInstant", "2025-03-14T10:15:28.123Z");
            assertionElement(document).setAttributeNS(null, "IssueInstant", "2025-03-14T10:15:28.123Z");
        })));
        rows.add(ko(111, "Status Responder/AuthnFailed, ErrorCode nr25 (cancelled by the citizen): error page",
                CieError.IDP_CANCELLED, idpError("ErrorCode nr25")));
        rows.add(ko(112, "Signed Response, an unsigned forged Assertion inserted before the signed one after signing",
                CieError.INVALID_ASSERTION, response().afterSigning(document -> {
                    Element original = assertionElement(document);
                    Element forged = (Element) original.cloneNode(true);
                    forged.removeChild(child(forged, DS, "Signature"));
                    forged.setAttributeNS(null, "ID", "_forged");
                    document.getDocumentElement().insertBefore(forged, original);
                })));
        rows.add(ko(113, "Signed Response whose signed Assertion was swapped for another signed Assertion",
                CieError.SIGNATURE_INVALID, response().afterSigning(document -> {
                    byte[] other = response().editAssertion(a -> TestResponses.replaceAttributeValue(a, "fiscalNumber",
                            "TINIT-VRDGPP80A01H501X")).signedXml();
                    Element swapped = (Element) document.importNode(assertionElement(TestResponses.parse(other)), true);
                    document.getDocumentElement().replaceChild(swapped, assertionElement(document));
                })));
        return rows;
    }

    private static ConformanceCase ok(int number, String description, TestResponses.Builder builder) {
        return ok(number, description, TestResponses.pending(), builder);
    }

    private static ConformanceCase ok(int number, String description, PendingRequest pending, TestResponses.Builder builder) {
        return new ConformanceCase(number, description, bytes(builder), pending, null, null);
    }

    private static ConformanceCase ko(int number, String description, CieError error, TestResponses.Builder builder) {
        return ko(number, description, error, TestResponses.pending(), builder);
    }

    private static ConformanceCase ko(int number, String description, CieError error, PendingRequest pending,
            TestResponses.Builder builder) {
        return new ConformanceCase(number, description, bytes(builder), pending, error, null);
    }

    private static ConformanceCase na(int number, String description, String reason) {
        return new ConformanceCase(number, description, null, null, null, reason);
    }

    /** The builder signs only when the row is run, not when the rows are listed. */
    private static Supplier<byte[]> bytes(TestResponses.Builder builder) {
        return builder::receivedXml;
    }

    private static TestResponses.Builder idpError(String message) {
        return TestResponses.error(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, message);
    }

    private static Consumer<Assertion> classRef(String uri) {
        return a -> a.getAuthnStatements().get(0).getAuthnContext().getAuthnContextClassRef().setURI(uri);
    }

    private static Consumer<Document> onResponse(String attribute, String value) {
        return on(Document::getDocumentElement, attribute, value);
    }

    private static Consumer<Document> onAssertion(String attribute, String value) {
        return on(TestResponses::assertionElement, attribute, value);
    }

    private static Consumer<Document> onAssertionChild(String[] path, String attribute, String value) {
        return on(document -> {
            Element element = assertionElement(document);
            for (String name : path) {
                element = child(element, SAML, name);
            }
            return element;
        }, attribute, value);
    }

    private static Consumer<Document> onConfirmationData(String attribute, String value) {
        return onAssertionChild(new String[] {"Subject", "SubjectConfirmation", SubjectConfirmationData.DEFAULT_ELEMENT_LOCAL_NAME},
                attribute, value);
    }

    private static Consumer<Document> on(Function<Document, Element> where, String attribute, String value) {
        return document -> where.apply(document).setAttributeNS(null, attribute, value);
    }

    /** XSW: a forged copy of the Assertion, with the original signature, takes its place; the original goes into Extensions. */
    static void hideOriginalInExtensions(Document document) {
        Element original = assertionElement(document);
        Element forged = (Element) original.cloneNode(true);
        forged.setAttributeNS(null, "ID", "_forged");
        setAttributeValue(forged, "fiscalNumber", "TINIT-VRDGPP80A01H501X");
        Element extensions = document.createElementNS(SAMLConstants.SAML20P_NS, "saml2p:Extensions");
        document.getDocumentElement().insertBefore(extensions, original);
        document.getDocumentElement().replaceChild(forged, original);
        extensions.appendChild(original);
    }

    /** Adds an XSLT transform (which could read files or call out when run) to the Assertion signature's Reference. */
    static void addXsltTransform(Document document) {
        Element signature = child(assertionElement(document), DS, "Signature");
        Element transforms = child(child(child(signature, DS, "SignedInfo"), DS, "Reference"), DS, "Transforms");
        Element transform = document.createElementNS(DS, "ds:Transform");
        transform.setAttributeNS(null, "Algorithm", "http://www.w3.org/TR/1999/REC-xslt-19991116");
        String xsl = "http://www.w3.org/1999/XSL/Transform";
        Element stylesheet = document.createElementNS(xsl, "xsl:stylesheet");
        stylesheet.setAttributeNS(null, "version", "1.0");
        Element template = document.createElementNS(xsl, "xsl:template");
        template.setAttributeNS(null, "match", "/");
        Element copy = document.createElementNS(xsl, "xsl:copy-of");
        copy.setAttributeNS(null, "select", "document('file:///etc/passwd')");
        template.appendChild(copy);
        stylesheet.appendChild(template);
        transform.appendChild(stylesheet);
        transforms.appendChild(transform);
    }

    /**
     * @param assertion an Assertion element
     * @param name an attribute Name
     * @param value the text its AttributeValue gets
     */
    static void setAttributeValue(Element assertion, String name, String value) {
        Element statement = child(assertion, SAML, "AttributeStatement");
        for (org.w3c.dom.Node node = statement.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && name.equals(((Element) node).getAttribute("Name"))) {
                child((Element) node, SAML, "AttributeValue").setTextContent(value);
            }
        }
    }
}
