package io.github.cieservlet.testidp.response;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.saml.SamlIds;
import io.github.cieservlet.saml.SamlObjects;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.XmlSigner;
import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.request.ReplyTo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.schema.impl.XSAnyBuilder;
import org.opensaml.saml.common.SAMLVersion;
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
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/**
 * Builds the signed Responses of a test IdP. The CIE IdP's are shaped like the Ministry's (Response Issuer without
 * Format, Assertion Issuer with Format entity, transient NameID qualified by both entity IDs, bearer confirmation,
 * 5-minute validity, the four eIDAS minimum-dataset attributes with their FriendlyNames). The SPID and FICEP IdPs'
 * differ only where the SPID rules do: both Issuers with Format entity, and the attributes are those of the
 * requested AttributeConsumingService that the person has (none without one), NameFormat basic, {@code xsi:type}
 * xs:date for dates and xs:string otherwise. On success the Assertion is signed first, then the Response; errors
 * are a signed Response with the status of the error code and no Assertion.
 */
public final class ResponseBuilder {

    /** The attributes SPID types as xs:date; every other one is xs:string. */
    private static final Set<String> DATE_ATTRIBUTES = Set.of("dateOfBirth", "expirationDate");
    private static final QName XS_DATE = new QName(XMLConstants.W3C_XML_SCHEMA_NS_URI, "date", "xsd");
    private static final Map<String, String> CIE_FRIENDLY_NAMES = Map.of("name", "Nome", "familyName", "Cognome",
            "dateOfBirth", "Data di Nascita", "fiscalNumber", "Codice Fiscale");

    /** How long an Assertion may be used after it is issued. */
    public static final Duration VALIDITY = Duration.ofMinutes(5);

    private final IdpEndpoints idp;
    private final XmlSigner signer;
    private final Clock clock;

    /**
     * @param idp the IdP's URLs (its entity ID is the Issuer)
     * @param signer signs with the IdP key
     * @param clock the time of issue
     */
    public ResponseBuilder(IdpEndpoints idp, XmlSigner signer, Clock clock) {
        this.idp = Objects.requireNonNull(idp, "idp");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A success releasing every attribute the person has (for the CIE IdP: its four).
     *
     * @param to the request answered
     * @param person who authenticated
     * @param level the level asserted
     * @return the signed Response XML, with its signed Assertion
     */
    public String success(ReplyTo to, TestPerson person, CieLevel level) {
        return success(to, List.copyOf(person.attributes().keySet()), person, level);
    }

    /**
     * @param to the request answered
     * @param requestedAttributes the Names of the attributes asked for (SPID, FICEP); the CIE IdP ignores them
     *     and always releases its four
     * @param person who authenticated
     * @param level the level asserted
     * @return the signed Response XML, with its signed Assertion
     */
    public String success(ReplyTo to, List<String> requestedAttributes, TestPerson person, CieLevel level) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Response response = response(to, now, status(StatusCode.SUCCESS, null, null));
        Assertion assertion = assertion(to, requestedAttributes, person, level, now);
        signer.sign(assertion);
        response.getAssertions().add(assertion);
        signer.sign(response);
        return SecureXml.toXml(response);
    }

    /**
     * @param to the request answered
     * @param code an error code returned to the service provider
     * @return the signed error Response XML: StatusCode, sub-StatusCode, {@code ErrorCode nrNN}, no Assertion
     */
    public String error(ReplyTo to, ErrorCode code) {
        Status status = status(code.statusCode(), code.subStatusCode().orElse(null), code.statusMessage());
        Response response = response(to, clock.instant().truncatedTo(ChronoUnit.MILLIS), status);
        signer.sign(response);
        return SecureXml.toXml(response);
    }

    /**
     * @param to the LogoutRequest answered: the service provider's SingleLogoutService (in {@link ReplyTo#acsUrl()})
     *     and the request's ID
     * @param refusal why the logout is refused, or null for Success
     * @return the signed LogoutResponse XML: Success, or Requester / RequestDenied
     */
    public String logoutResponse(ReplyTo to, String refusal) {
        LogoutResponse response = SamlObjects.build(LogoutResponse.DEFAULT_ELEMENT_NAME, LogoutResponse.class);
        response.setID(SamlIds.newId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        response.setInResponseTo(to.inResponseTo());
        response.setDestination(to.acsUrl());
        Issuer issuer = issuer(NameIDType.ENTITY);
        issuer.setNameQualifier(idp.entityId());
        response.setIssuer(issuer);
        response.setStatus(refusal == null ? status(StatusCode.SUCCESS, null, null)
                : status(StatusCode.REQUESTER, StatusCode.REQUEST_DENIED, null));
        signer.sign(response);
        return SecureXml.toXml(response);
    }

    private Response response(ReplyTo to, Instant now, Status status) {
        Response response = SamlObjects.build(Response.DEFAULT_ELEMENT_NAME, Response.class);
        response.setID(SamlIds.newId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(now);
        response.setInResponseTo(to.inResponseTo());
        response.setDestination(to.acsUrl());
        response.setIssuer(issuer(idp.scheme().followsSpidRules() ? NameIDType.ENTITY : null));
        response.setStatus(status);
        return response;
    }

    private Issuer issuer(String format) {
        Issuer issuer = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME, Issuer.class);
        issuer.setValue(idp.entityId());
        issuer.setFormat(format);
        return issuer;
    }

    private static Status status(String code, String subCode, String message) {
        StatusCode top = SamlObjects.build(StatusCode.DEFAULT_ELEMENT_NAME, StatusCode.class);
        top.setValue(code);
        if (subCode != null) {
            StatusCode sub = SamlObjects.build(StatusCode.DEFAULT_ELEMENT_NAME, StatusCode.class);
            sub.setValue(subCode);
            top.setStatusCode(sub);
        }
        Status status = SamlObjects.build(Status.DEFAULT_ELEMENT_NAME, Status.class);
        status.setStatusCode(top);
        if (message != null) {
            StatusMessage statusMessage = SamlObjects.build(StatusMessage.DEFAULT_ELEMENT_NAME, StatusMessage.class);
            statusMessage.setValue(message);
            status.setStatusMessage(statusMessage);
        }
        return status;
    }

    private Assertion assertion(ReplyTo to, List<String> requestedAttributes, TestPerson person, CieLevel level,
            Instant now) {
        Instant notOnOrAfter = now.plus(VALIDITY);
        Assertion assertion = SamlObjects.build(Assertion.DEFAULT_ELEMENT_NAME, Assertion.class);
        assertion.setID(SamlIds.newId());
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(now);
        assertion.setIssuer(issuer(NameIDType.ENTITY));
        assertion.setSubject(subject(to, notOnOrAfter));
        assertion.setConditions(conditions(to, now, notOnOrAfter));
        assertion.getAuthnStatements().add(authnStatement(level, now));
        AttributeStatement attributes = idp.scheme().followsSpidRules() ? spidAttributes(requestedAttributes, person)
                : cieAttributes(person);
        if (!attributes.getAttributes().isEmpty()) {
            assertion.getAttributeStatements().add(attributes);
        }
        return assertion;
    }

    private Subject subject(ReplyTo to, Instant notOnOrAfter) {
        NameID nameId = SamlObjects.build(NameID.DEFAULT_ELEMENT_NAME, NameID.class);
        nameId.setFormat(NameIDType.TRANSIENT);
        nameId.setNameQualifier(idp.entityId());
        nameId.setSPNameQualifier(to.spEntityId());
        nameId.setValue(SamlIds.newId());

        SubjectConfirmationData data = SamlObjects.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME,
                SubjectConfirmationData.class);
        data.setRecipient(to.acsUrl());
        data.setInResponseTo(to.inResponseTo());
        data.setNotOnOrAfter(notOnOrAfter);
        SubjectConfirmation confirmation = SamlObjects.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME,
                SubjectConfirmation.class);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        confirmation.setSubjectConfirmationData(data);

        Subject subject = SamlObjects.build(Subject.DEFAULT_ELEMENT_NAME, Subject.class);
        subject.setNameID(nameId);
        subject.getSubjectConfirmations().add(confirmation);
        return subject;
    }

    private static Conditions conditions(ReplyTo to, Instant now, Instant notOnOrAfter) {
        Audience audience = SamlObjects.build(Audience.DEFAULT_ELEMENT_NAME, Audience.class);
        audience.setURI(to.spEntityId());
        AudienceRestriction restriction = SamlObjects.build(AudienceRestriction.DEFAULT_ELEMENT_NAME,
                AudienceRestriction.class);
        restriction.getAudiences().add(audience);
        Conditions conditions = SamlObjects.build(Conditions.DEFAULT_ELEMENT_NAME, Conditions.class);
        conditions.setNotBefore(now);
        conditions.setNotOnOrAfter(notOnOrAfter);
        conditions.getAudienceRestrictions().add(restriction);
        return conditions;
    }

    private static AuthnStatement authnStatement(CieLevel level, Instant now) {
        AuthnContextClassRef classRef = SamlObjects.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME,
                AuthnContextClassRef.class);
        classRef.setURI(level.uri());
        AuthnContext context = SamlObjects.build(AuthnContext.DEFAULT_ELEMENT_NAME, AuthnContext.class);
        context.setAuthnContextClassRef(classRef);
        AuthnStatement statement = SamlObjects.build(AuthnStatement.DEFAULT_ELEMENT_NAME, AuthnStatement.class);
        statement.setAuthnInstant(now);
        statement.setSessionIndex(SamlIds.newId());
        statement.setAuthnContext(context);
        return statement;
    }

    private static AttributeStatement cieAttributes(TestPerson person) {
        AttributeStatement statement = SamlObjects.build(AttributeStatement.DEFAULT_ELEMENT_NAME, AttributeStatement.class);
        person.attributes().forEach((name, value) -> statement.getAttributes().add(
                attribute(name, CIE_FRIENDLY_NAMES.get(name), stringValue(value))));
        return statement;
    }

    private static AttributeStatement spidAttributes(List<String> requested, TestPerson person) {
        AttributeStatement statement = SamlObjects.build(AttributeStatement.DEFAULT_ELEMENT_NAME, AttributeStatement.class);
        for (String name : requested) {
            String value = person.attributes().get(name);
            if (value != null) {
                statement.getAttributes().add(attribute(name, null,
                        DATE_ATTRIBUTES.contains(name) ? dateValue(value) : stringValue(value)));
            }
        }
        return statement;
    }

    private static XMLObject stringValue(String value) {
        XSString text = SamlObjects.build(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME, XSString.class);
        text.setValue(value);
        return text;
    }

    private static XMLObject dateValue(String value) {
        XSAny date = new XSAnyBuilder().buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XS_DATE);
        date.setTextContent(value);
        return date;
    }

    private static Attribute attribute(String name, String friendlyName, XMLObject value) {
        Attribute attribute = SamlObjects.build(Attribute.DEFAULT_ELEMENT_NAME, Attribute.class);
        attribute.setName(name);
        attribute.setNameFormat(Attribute.BASIC);
        attribute.setFriendlyName(friendlyName);
        attribute.getAttributeValues().add(value);
        return attribute;
    }
}
