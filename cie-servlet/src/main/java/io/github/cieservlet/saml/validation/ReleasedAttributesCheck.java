package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;

/**
 * The attributes a SPID or eIDAS identity provider released, against the set the service provider asked for
 * (saml-check cases 98-99 and 103): exactly one {@code AttributeStatement} with at least one {@code Attribute};
 * every attribute one that was asked, not repeated, with exactly one plain-text, non-blank value; every
 * required attribute present. {@code dateOfBirth} must be a {@code YYYY-MM-DD} date and {@code fiscalNumber}
 * {@code TINIT-} and an Italian fiscal code (upper-cased), as for CIE; where foreign fiscal numbers are allowed
 * (eIDAS), a {@code fiscalNumber} of another country is kept as released. Every failure is
 * {@link CieError#INVALID_ATTRIBUTES}, and the refusal detail never contains a value. Immutable.
 */
public final class ReleasedAttributesCheck {

    private static final String FISCAL_NUMBER = "fiscalNumber";
    private static final String DATE_OF_BIRTH = "dateOfBirth";

    private final Set<String> asked;
    private final Set<String> required;
    private final boolean foreignFiscalNumbers;

    /**
     * @param asked the attributes the AuthnRequest's AttributeConsumingService asks for: the only ones accepted
     * @param required those that must be released (a subset of {@code asked})
     * @param foreignFiscalNumbers whether a {@code fiscalNumber} without {@code TINIT-} is accepted (eIDAS)
     */
    public ReleasedAttributesCheck(Collection<String> asked, Collection<String> required, boolean foreignFiscalNumbers) {
        this.asked = Set.copyOf(asked);
        this.required = Set.copyOf(required);
        this.foreignFiscalNumbers = foreignFiscalNumbers;
        if (!this.asked.containsAll(this.required)) {
            throw new IllegalArgumentException("the required attributes " + required + " are not all asked: " + asked);
        }
    }

    /**
     * @param assertion the signature-verified Assertion
     * @return the released values by attribute name, trimmed, in the order received
     * @throws CieAuthenticationException when the attributes are not the ones asked, or one is malformed
     */
    public Map<String, String> check(Assertion assertion) throws CieAuthenticationException {
        List<AttributeStatement> statements = assertion.getAttributeStatements();
        if (statements.size() != 1) {
            throw refusal("Assertion has " + statements.size() + " AttributeStatements, expected exactly one");
        }
        List<Attribute> attributes = statements.get(0).getAttributes();
        if (attributes.isEmpty()) {
            throw refusal("AttributeStatement has no Attribute");
        }
        Map<String, String> released = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            String name = attribute.getName();
            if (name == null || !asked.contains(name)) {
                throw refusal("attribute " + Detail.quote(name) + " was not asked for");
            }
            if (released.put(name, value(attribute, name)) != null) {
                throw refusal("attribute " + name + " is repeated");
            }
        }
        for (String name : required) {
            if (!released.containsKey(name)) {
                throw refusal("attribute " + name + " is missing");
            }
        }
        if (released.containsKey(DATE_OF_BIRTH)) {
            AttributesCheck.dateOfBirth(released.get(DATE_OF_BIRTH));
        }
        String fiscalNumber = released.get(FISCAL_NUMBER);
        if (fiscalNumber != null && (!foreignFiscalNumbers || isItalian(fiscalNumber))) {
            released.put(FISCAL_NUMBER, AttributesCheck.fiscalNumber(fiscalNumber));
        }
        return released;
    }

    private static boolean isItalian(String fiscalNumber) {
        return fiscalNumber.toUpperCase(Locale.ROOT).startsWith(CieIdentity.FISCAL_NUMBER_PREFIX);
    }

    private static String value(Attribute attribute, String name) throws CieAuthenticationException {
        List<XMLObject> values = attribute.getAttributeValues();
        if (values.size() != 1) {
            throw refusal("attribute " + name + " has " + values.size() + " values, expected exactly one");
        }
        String value = DomText.of(values.get(0), CieError.INVALID_ATTRIBUTES, "attribute " + name).trim();
        if (value.isEmpty()) {
            throw refusal("attribute " + name + " is empty");
        }
        return value;
    }

    private static CieAuthenticationException refusal(String detail) {
        return new CieAuthenticationException(CieError.INVALID_ATTRIBUTES, detail);
    }
}
