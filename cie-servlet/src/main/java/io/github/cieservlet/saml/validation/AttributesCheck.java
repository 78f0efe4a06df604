package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;

/**
 * The citizen's attributes (saml-check cases 98-99, 103, 109; CIE-SAML: the eIDAS minimum dataset).
 *
 * <p>Exactly one {@code AttributeStatement}, holding {@code name}, {@code familyName}, {@code dateOfBirth} and
 * {@code fiscalNumber} each exactly once, each with exactly one value that is plain text (one text node, see
 * {@link DomText}) and not blank once trimmed. {@code dateOfBirth} must be a {@code YYYY-MM-DD} calendar date;
 * {@code fiscalNumber} must be {@code TINIT-} followed by an Italian fiscal code: 16 characters (with the
 * omocodia letters) or the 11-digit provisional code; letters are accepted in either case and upper-cased.
 * Other attributes, and {@code NameFormat}/{@code FriendlyName}, are ignored. Every failure is
 * {@link CieError#INVALID_ATTRIBUTES}, and the refusal detail never contains a value.
 */
final class AttributesCheck {

    private static final String NAME = "name";
    private static final String FAMILY_NAME = "familyName";
    private static final String DATE_OF_BIRTH = "dateOfBirth";
    private static final String FISCAL_NUMBER = "fiscalNumber";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern FISCAL_CODE = Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11}");

    /**
     * @param assertion the signature-verified Assertion
     * @return the four attributes, parsed
     * @throws CieAuthenticationException when an attribute is missing, repeated, empty or malformed
     */
    CitizenAttributes check(Assertion assertion) throws CieAuthenticationException {
        List<AttributeStatement> statements = assertion.getAttributeStatements();
        if (statements.size() != 1) {
            throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES,
                    "Assertion has " + statements.size() + " AttributeStatements, expected exactly one");
        }
        List<Attribute> attributes = statements.get(0).getAttributes();
        return new CitizenAttributes(value(attributes, NAME), value(attributes, FAMILY_NAME),
                dateOfBirth(value(attributes, DATE_OF_BIRTH)), fiscalNumber(value(attributes, FISCAL_NUMBER)));
    }

    private static String value(List<Attribute> attributes, String name) throws CieAuthenticationException {
        Attribute found = null;
        for (Attribute attribute : attributes) {
            if (name.equals(attribute.getName())) {
                if (found != null) {
                    throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES, "attribute " + name + " is repeated");
                }
                found = attribute;
            }
        }
        if (found == null) {
            throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES, "attribute " + name + " is missing");
        }
        List<XMLObject> values = found.getAttributeValues();
        if (values.size() != 1) {
            throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES,
                    "attribute " + name + " has " + values.size() + " values, expected exactly one");
        }
        String value = DomText.of(values.get(0), CieError.INVALID_ATTRIBUTES, "attribute " + name).trim();
        if (value.isEmpty()) {
            throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES, "attribute " + name + " is empty");
        }
        return value;
    }

    static LocalDate dateOfBirth(String value) throws CieAuthenticationException {
        if (!DATE.matcher(value).matches()) {
            throw notADate(value);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            // the exception's message contains the value: it is personal data, so it is not kept as the cause
            throw notADate(value);
        }
    }

    private static CieAuthenticationException notADate(String value) {
        return new CieAuthenticationException(CieError.INVALID_ATTRIBUTES,
                "attribute " + DATE_OF_BIRTH + " is not a YYYY-MM-DD calendar date (" + value.length() + " characters)");
    }

    static String fiscalNumber(String value) throws CieAuthenticationException {
        String upper = value.toUpperCase(Locale.ROOT);
        if (!upper.startsWith(CieIdentity.FISCAL_NUMBER_PREFIX)) {
            throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES,
                    "attribute " + FISCAL_NUMBER + " does not start with " + CieIdentity.FISCAL_NUMBER_PREFIX);
        }
        String code = upper.substring(CieIdentity.FISCAL_NUMBER_PREFIX.length());
        if (!FISCAL_CODE.matcher(code).matches()) {
            throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES, "attribute " + FISCAL_NUMBER
                    + " is not " + CieIdentity.FISCAL_NUMBER_PREFIX + " and an Italian fiscal code ("
                    + code.length() + " characters after the prefix)");
        }
        return upper;
    }
}
