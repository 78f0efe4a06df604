package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.FISCAL_CODE;
import static io.github.cieservlet.saml.validation.TestResponses.IDP_ENTITY_ID;
import static io.github.cieservlet.saml.validation.TestResponses.REQUEST_EXPIRY;
import static io.github.cieservlet.saml.validation.TestResponses.REQUEST_ID;
import static io.github.cieservlet.saml.validation.TestResponses.REQUEST_INSTANT;
import static io.github.cieservlet.saml.validation.TestResponses.attribute;
import static io.github.cieservlet.saml.validation.TestResponses.attributeNamed;
import static io.github.cieservlet.saml.validation.TestResponses.attributeValueElement;
import static io.github.cieservlet.saml.validation.TestResponses.error;
import static io.github.cieservlet.saml.validation.TestResponses.idp;
import static io.github.cieservlet.saml.validation.TestResponses.issuer;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static io.github.cieservlet.saml.validation.TestResponses.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.EidasAttributeSet;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.spid.SpidResponseProfile;
import io.github.cieservlet.store.PendingRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;

/**
 * The SPID and eIDAS Response profile ({@link SpidResponseProfile}) over the shared checks: each rule where it
 * differs from CIE's is shown to refuse ALONE (the same Response passes the CIE profile, or passes once the one
 * change is undone). Responses are built and signed by the identity provider of {@link TestResponses}.
 */
class SpidResponseProfileTest {

    private static final List<String> ASKED = List.of("name", "familyName", "fiscalNumber", "dateOfBirth");
    private static final SpidResponseProfile SPID = SpidResponseProfile.spid(ASKED);

    /** @return a SPID Response: the valid one, with the Assertion Issuer's Format=entity SPID requires */
    static TestResponses.Builder spidResponse() {
        return response().editAssertion(a -> a.setIssuer(issuer(IDP_ENTITY_ID, NameIDType.ENTITY)));
    }

    static PendingRequest pending(LoginScheme scheme, int index) {
        return new PendingRequest(REQUEST_ID, REQUEST_INSTANT, CieLevel.L2, LevelComparison.MINIMUM, "/area-riservata",
                "https://idp.example/sso", RequestBinding.POST, REQUEST_EXPIRY, scheme, IDP_ENTITY_ID, index);
    }

    static CieIdentity accept(Response response, SpidResponseProfile profile) throws CieAuthenticationException {
        return validator().validate(response, pending(profile.scheme(), profile.attributeConsumingServiceIndex()), idp(),
                profile).identity();
    }

    static CieError refusal(Response response, SpidResponseProfile profile) {
        try {
            CieIdentity identity = accept(response, profile);
            return fail("expected a refusal, but %s was accepted", identity);
        } catch (CieAuthenticationException e) {
            return e.error();
        }
    }

    @Test
    void aValidSpidResponseGivesASpidIdentityWithTheReleasedAttributes() throws Exception {
        CieIdentity identity = accept(spidResponse().received(), SPID);
        assertThat(identity.getScheme()).isEqualTo(LoginScheme.SPID);
        assertThat(identity.getIdpEntityId()).isEqualTo(IDP_ENTITY_ID);
        assertThat(identity.getFiscalCode()).isEqualTo(FISCAL_CODE);
        assertThat(identity.getUserId()).isEqualTo(FISCAL_CODE);
        assertThat(identity.getDateOfBirth()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(identity.getAttributes()).containsOnlyKeys(ASKED);
        assertThat(identity.getAttribute("name")).isEqualTo(TestResponses.GIVEN_NAME);
        assertThat(identity.getEmail()).isNull();
        assertThat(identity.getLevel()).isEqualTo(CieLevel.L3);
    }

    @Test
    void case70_71_72_assertionIssuerWithoutOrWithAnotherFormat_isRefusedInSpidOnly() throws Exception {
        Response noFormat = response().received();
        assertThat(refusal(noFormat, SPID)).isEqualTo(CieError.INVALID_ISSUER);
        assertThat(validator().validate(response().received(), TestResponses.pending(), idp()).identity().getScheme())
                .as("the CIE profile accepts the same Response").isEqualTo(LoginScheme.CIE);
        Response otherFormat = response().editAssertion(a -> a.setIssuer(issuer(IDP_ENTITY_ID, NameIDType.TRANSIENT)))
                .received();
        assertThat(refusal(otherFormat, SPID)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void theResponseIssuerMayStillOmitTheFormat() throws Exception {
        assertThat(accept(spidResponse().edit(r -> r.setIssuer(issuer(IDP_ENTITY_ID, NameIDType.ENTITY))).received(),
                SPID).getScheme()).isEqualTo(LoginScheme.SPID);
    }

    @Test
    void case103_anAttributeNotAskedFor_isRefused() throws Exception {
        Response extra = spidResponse().editAssertion(a -> a.getAttributeStatements().get(0).getAttributes()
                .add(attribute("email", "Email", "bianca@example.it"))).received();
        assertThat(refusal(extra, SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
        List<String> withEmail = List.of("name", "familyName", "fiscalNumber", "dateOfBirth", "email");
        CieIdentity identity = accept(spidResponse().editAssertion(a -> a.getAttributeStatements().get(0)
                .getAttributes().add(attribute("email", "Email", "bianca@example.it"))).received(),
                SpidResponseProfile.spid(withEmail));
        assertThat(identity.getEmail()).isEqualTo("bianca@example.it");
    }

    @Test
    void anAttributeWithoutNameIsRefused() {
        assertThat(refusal(spidResponse().editAssertion(a -> a.getAttributeStatements().get(0).getAttributes()
                .add(attribute(null, "Senza nome", "x"))).received(), SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void case103_anAttributeAskedForAndNotReleased_isRefused() {
        List<String> withEmail = List.of("name", "familyName", "fiscalNumber", "dateOfBirth", "email");
        assertThat(refusal(spidResponse().received(), SpidResponseProfile.spid(withEmail)))
                .isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void repeatedEmptyOrMultiValuedAttributesAreRefused() {
        assertThat(refusal(spidResponse().editAssertion(a -> a.getAttributeStatements().get(0).getAttributes()
                .add(attribute("name", "Nome", "ALTRA"))).received(), SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal(spidResponse().editAssertion(a -> TestResponses.replaceAttributeValue(a, "name", "  "))
                .received(), SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal(spidResponse().editAssertion(a -> attributeNamed(a, "name").getAttributeValues()
                .add(TestResponses.stringValue("SECONDA"))).received(), SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal(spidResponse().editAssertion(a -> attributeNamed(a, "name").getAttributeValues().clear())
                .received(), SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void anAttributeValueSplitByAProcessingInstructionIsRefused() {
        Response split = spidResponse().editXmlBeforeSigning(document -> {
            org.w3c.dom.Element value = attributeValueElement(document, "name");
            value.appendChild(document.createProcessingInstruction("x", "y"));
            value.appendChild(document.createTextNode("MORE"));
        }).received();
        assertThat(refusal(split, SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void case98_99_noOrAnEmptyAttributeStatement_isRefused() {
        assertThat(refusal(spidResponse().editAssertion(a -> a.getAttributeStatements().clear()).received(), SPID))
                .isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal(spidResponse().editAssertion(a -> a.getAttributeStatements().get(0).getAttributes().clear())
                .received(), SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal(spidResponse().editAssertion(a -> a.getAttributeStatements().add(
                TestResponses.build(AttributeStatement.DEFAULT_ELEMENT_NAME))).received(), SPID))
                .isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void malformedDateOfBirthOrFiscalNumberIsRefused() {
        assertThat(refusal(spidResponse().editAssertion(a -> TestResponses.replaceAttributeValue(a, "dateOfBirth",
                "01/01/1980")).received(), SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal(spidResponse().editAssertion(a -> TestResponses.replaceAttributeValue(a, "fiscalNumber",
                FISCAL_CODE)).received(), SPID)).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal(spidResponse().editAssertion(a -> TestResponses.replaceAttributeValue(a, "fiscalNumber",
                "TINDE-12345")).received(), SPID)).as("SPID has Italian fiscal numbers only").isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void spidCodeAloneIdentifiesTheCitizenWhenNoFiscalNumberIsAsked() throws Exception {
        Response response = spidResponse().editAssertion(a -> {
            List<org.opensaml.saml.saml2.core.Attribute> attributes = a.getAttributeStatements().get(0).getAttributes();
            attributes.clear();
            attributes.add(attribute("spidCode", "Codice SPID", "SPID-0001"));
            attributes.add(attribute("email", "Email", "bianca@example.it"));
        }).received();
        CieIdentity identity = accept(response, SpidResponseProfile.spid(List.of("spidCode", "email")));
        assertThat(identity.getFiscalNumber()).isNull();
        assertThat(identity.getFiscalCode()).isNull();
        assertThat(identity.getUserId()).isEqualTo("SPID-0001");
        assertThat(identity.getSpidCode()).isEqualTo("SPID-0001");
        assertThat(identity.getName()).isNull();
        assertThat(identity.getDateOfBirth()).isNull();
    }

    /** @return an eIDAS Response of the minimum set, with a foreign or no fiscal number */
    private static Response eidasResponse(String fiscalNumber, String... extra) {
        return spidResponse().editAssertion(a -> {
            List<org.opensaml.saml.saml2.core.Attribute> attributes = a.getAttributeStatements().get(0).getAttributes();
            attributes.remove(attributeNamed(a, "fiscalNumber"));
            attributes.add(attribute("spidCode", "Identificativo eIDAS", "DE/IT/0123456789"));
            if (fiscalNumber != null) {
                attributes.add(attribute("fiscalNumber", "Codice Fiscale", fiscalNumber));
            }
            for (int i = 0; i < extra.length; i += 2) {
                attributes.add(attribute(extra[i], extra[i], extra[i + 1]));
            }
        }).received();
    }

    @Test
    void anEidasCitizenWithoutAnItalianFiscalNumberIsTheirEidasIdentifier() throws Exception {
        SpidResponseProfile minimum = SpidResponseProfile.eidas(EidasAttributeSet.MINIMUM);
        CieIdentity foreign = accept(eidasResponse("TINDE-12345678901"), minimum);
        assertThat(foreign.getScheme()).isEqualTo(LoginScheme.EIDAS);
        assertThat(foreign.getFiscalNumber()).isNull();
        assertThat(foreign.getAttribute("fiscalNumber")).isEqualTo("TINDE-12345678901");
        assertThat(foreign.getUserId()).isEqualTo("DE/IT/0123456789");
        assertThat(accept(eidasResponse(null), minimum).getUserId()).isEqualTo("DE/IT/0123456789");
        CieIdentity italian = accept(eidasResponse("tinit-" + FISCAL_CODE.toLowerCase(java.util.Locale.ROOT)), minimum);
        assertThat(italian.getFiscalNumber()).isEqualTo("TINIT-" + FISCAL_CODE);
        assertThat(italian.getUserId()).isEqualTo(FISCAL_CODE);
        assertThat(refusal(eidasResponse("TINIT-NOTAFISCALCODE"), minimum)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void theEidasPersonIdentifierIsMandatory() {
        Response noSpidCode = spidResponse().received();
        assertThat(refusal(noSpidCode, SpidResponseProfile.eidas(EidasAttributeSet.MINIMUM)))
                .isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void theFullSetMayCarryGenderAndAddressTheMinimumSetMayNot() throws Exception {
        Response full = eidasResponse(null, "gender", "F", "placeOfBirth", "Berlin", "address", "Unter den Linden 1");
        CieIdentity identity = accept(full, SpidResponseProfile.eidas(EidasAttributeSet.FULL));
        assertThat(identity.getGender()).isEqualTo("F");
        assertThat(identity.getPlaceOfBirth()).isEqualTo("Berlin");
        assertThat(identity.getAddress()).isEqualTo("Unter den Linden 1");
        assertThat(refusal(full, SpidResponseProfile.eidas(EidasAttributeSet.MINIMUM))).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @ParameterizedTest(name = "{0} -> SPID {1}, CIE {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ErrorCode nr19 | IDP_TOO_MANY_ATTEMPTS   | IDP_AUTHENTICATION_FAILED
            ErrorCode nr20 | IDP_LEVEL_NOT_AVAILABLE | IDP_AUTHENTICATION_FAILED
            ErrorCode nr21 | IDP_TIMEOUT             | IDP_TIMEOUT
            ErrorCode nr22 | IDP_CONSENT_DENIED      | IDP_CONSENT_DENIED
            ErrorCode nr23 | IDP_IDENTITY_SUSPENDED  | IDP_CARD_EXPIRED_OR_REVOKED
            ErrorCode nr25 | IDP_CANCELLED           | IDP_CANCELLED
            ErrorCode nr30 | IDP_WRONG_IDENTITY_TYPE | IDP_AUTHENTICATION_FAILED
            ErrorCode nr24 | IDP_AUTHENTICATION_FAILED | IDP_AUTHENTICATION_FAILED
            ErrorCode nr14 | IDP_REQUEST_REJECTED    | IDP_REQUEST_REJECTED
            """)
    void case104to111_spidErrorCodesHaveTheirOwnPages(String message, CieError spid, CieError cie) {
        String prefix = "urn:oasis:names:tc:SAML:2.0:status:";
        Response answer = error(prefix + "Responder", prefix + "AuthnFailed", message).received();
        assertThat(refusal(answer, SPID)).isEqualTo(spid);
        assertThat(TestResponses.refusal(error(prefix + "Responder", prefix + "AuthnFailed", message).received())
                .error()).isEqualTo(cie);
        assertThat(spid.isCitizenOutcome() || spid == CieError.IDP_REQUEST_REJECTED).isTrue();
    }

    @Test
    void theRequiredAttributesMustBeAsked() {
        assertThatThrownBy(() -> new ReleasedAttributesCheck(List.of("name"), List.of("name", "email"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releasedValuesAreTrimmedAndKeptInOrder() throws Exception {
        Map<String, String> released = new ReleasedAttributesCheck(ASKED, ASKED, false).check(
                spidResponse().editAssertion(a -> TestResponses.replaceAttributeValue(a, "name", "  BIANCA \n"))
                        .received().getAssertions().get(0));
        assertThat(released.keySet()).containsExactly("name", "familyName", "dateOfBirth", "fiscalNumber");
        assertThat(released.get("name")).isEqualTo("BIANCA");
    }
}
