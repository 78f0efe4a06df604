package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.FISCAL_CODE;
import static io.github.cieservlet.saml.validation.TestResponses.attribute;
import static io.github.cieservlet.saml.validation.TestResponses.attributeNamed;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.refusal;
import static io.github.cieservlet.saml.validation.TestResponses.replaceAttributeValue;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static io.github.cieservlet.saml.validation.TestResponses.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Response;
import org.w3c.dom.Element;

/** The four attributes of the eIDAS minimum dataset (saml-check cases 98-103 and 109). */
class AttributesTest {

    @Test
    void attributeStatementMissing_isRefused() {
        assertThat(errorOf(assertionEdited(assertion -> assertion.getAttributeStatements().clear())))
                .isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void case98_attributeStatementWithoutAttributes_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getAttributeStatements().get(0).getAttributes().clear());

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void twoAttributeStatements_areRefused() {
        Response response = assertionEdited(assertion -> assertion.getAttributeStatements()
                .add(TestResponses.build(AttributeStatement.DEFAULT_ELEMENT_NAME)));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @ParameterizedTest(name = "{0} missing")
    @ValueSource(strings = {"name", "familyName", "dateOfBirth", "fiscalNumber"})
    void requiredAttributeMissing_isRefused(String name) {
        Response response = assertionEdited(assertion -> assertion.getAttributeStatements().get(0).getAttributes()
                .remove(attributeNamed(assertion, name)));

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal.getMessage()).isEqualTo("attribute " + name + " is missing");
    }

    @ParameterizedTest(name = "{0} empty")
    @ValueSource(strings = {"name", "familyName", "dateOfBirth", "fiscalNumber"})
    void case99_requiredAttributeEmpty_isRefused(String name) {
        Response response = assertionEdited(assertion -> replaceAttributeValue(assertion, name, "  "));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @ParameterizedTest(name = "{0} without value")
    @ValueSource(strings = {"name", "familyName", "dateOfBirth", "fiscalNumber"})
    void requiredAttributeWithoutValue_isRefused(String name) {
        Response response = assertionEdited(assertion -> attributeNamed(assertion, name).getAttributeValues().clear());

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void attributeWithTwoValues_isRefused() {
        Response response = assertionEdited(assertion -> attributeNamed(assertion, "familyName").getAttributeValues()
                .add(TestResponses.stringValue("BIANCHI")));

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void attributeRepeated_isRefused() {
        Response response = assertionEdited(assertion -> assertion.getAttributeStatements().get(0).getAttributes()
                .add(attribute("fiscalNumber", "Codice Fiscale", "TINIT-VRDGPP80A01H501X")));

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal.getMessage()).isEqualTo("attribute fiscalNumber is repeated");
    }

    @Test
    void case103_spidAttributesInsteadOfTheMinimumDataset_areRefused() {
        Response response = assertionEdited(assertion -> {
            assertion.getAttributeStatements().get(0).getAttributes().clear();
            assertion.getAttributeStatements().get(0).getAttributes().add(attribute("spidCode", null, "AGID-001"));
            assertion.getAttributeStatements().get(0).getAttributes().add(attribute("address", null, "via Test"));
        });

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void extraAttribute_isIgnored() throws CieAuthenticationException {
        Response response = assertionEdited(assertion -> assertion.getAttributeStatements().get(0).getAttributes()
                .add(attribute("email", "Email", "bianca.rossi@example.it")));

        assertThat(validate(response).identity().getFiscalCode()).isEqualTo(FISCAL_CODE);
    }

    @Test
    void case109_attributesWithoutNameFormatOrFriendlyName_areAccepted() throws CieAuthenticationException {
        Response response = assertionEdited(assertion -> assertion.getAttributeStatements().get(0).getAttributes()
                .forEach(attribute -> {
                    attribute.setNameFormat(null);
                    attribute.setFriendlyName(null);
                }));

        assertThat(validate(response).identity().getFiscalCode()).isEqualTo(FISCAL_CODE);
    }

    @Test
    void valueWithoutXsiType_isAccepted() throws CieAuthenticationException {
        Response response = assertionEdited(assertion -> {
            XSAny untyped = TestResponses.build(AttributeValue.DEFAULT_ELEMENT_NAME);
            untyped.setTextContent("ROSSI");
            attributeNamed(assertion, "familyName").getAttributeValues().clear();
            attributeNamed(assertion, "familyName").getAttributeValues().add(untyped);
        });

        assertThat(validate(response).identity().getFamilyName()).isEqualTo("ROSSI");
    }

    @Test
    void valueWithAChildElement_isRefused() {
        Response response = response().editXmlBeforeSigning(document -> {
            Element value = TestResponses.attributeValueElement(document, "name");
            value.appendChild(document.createElementNS(SAMLConstants.SAML20_NS, "saml2:Injected"));
        }).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void valuesAreTrimmed() throws CieAuthenticationException {
        Response response = assertionEdited(assertion -> replaceAttributeValue(assertion, "name", "  BIANCA MARIA \n"));

        assertThat(validate(response).identity().getName()).isEqualTo("BIANCA MARIA");
    }

    @ParameterizedTest(name = "dateOfBirth {0}")
    @ValueSource(strings = {"01/01/1980", "1980-1-1", "1980-02-30", "1980-13-01", "19800101", "+1980-01-01", "1980-01-01Z",
            "1980-01-01T00:00:00Z", "١٩٨٠-٠١-٠١"})
    void dateOfBirthNotACalendarDate_isRefused(String value) {
        Response response = assertionEdited(assertion -> replaceAttributeValue(assertion, "dateOfBirth", value));

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal.getMessage()).doesNotContain(value).contains("dateOfBirth");
    }

    @Test
    void dateOfBirthOnALeapDay_isAccepted() throws CieAuthenticationException {
        Response response = assertionEdited(assertion -> replaceAttributeValue(assertion, "dateOfBirth", "1980-02-29"));

        assertThat(validate(response).identity().getDateOfBirth()).isEqualTo(LocalDate.of(1980, 2, 29));
    }

    @ParameterizedTest(name = "fiscalNumber {0}")
    @ValueSource(strings = {"RSSBNC80A41H501X", "TINIT-", "TINIT-RSSBNC80A41H501", "TINIT-RSSBNC80A41H501XX",
            "TINIT-RSSBNC80A41H50!X", "TINIT-1234567890", "TINIT-RSSBNC80Z41H501X", "VATIT-12345678901",
            "TINIT- RSSBNC80A41H501X"})
    void fiscalNumberMalformed_isRefused(String value) {
        Response response = assertionEdited(assertion -> replaceAttributeValue(assertion, "fiscalNumber", value));

        CieAuthenticationException refusal = refusal(response);
        assertThat(refusal.error()).isEqualTo(CieError.INVALID_ATTRIBUTES);
        assertThat(refusal.getMessage()).matches("attribute fiscalNumber (does not start with TINIT-"
                + "|is not TINIT- and an Italian fiscal code \\(\\d+ characters after the prefix\\))");
    }

    @ParameterizedTest(name = "fiscalNumber {0}")
    @ValueSource(strings = {"TINIT-RSSBNC80A41H501X", "TINIT-RSSBNCURALQHRNMX", "TINIT-12345678901", "tinit-rssbnc80a41h501x"})
    void fiscalNumberWellFormed_isAcceptedInUpperCase(String value) throws CieAuthenticationException {
        Response response = assertionEdited(assertion -> replaceAttributeValue(assertion, "fiscalNumber", value));

        CieIdentity identity = validate(response).identity();

        assertThat(identity.getFiscalNumber()).isEqualTo(value.toUpperCase(java.util.Locale.ROOT));
        assertThat(identity.getFiscalCode()).isEqualTo(value.substring(6).toUpperCase(java.util.Locale.ROOT));
    }

    private static Response assertionEdited(Consumer<Assertion> edit) {
        return response().editAssertion(edit).received();
    }
}
