package io.github.cieservlet.taglib;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.web.Html;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code <cie:identity property="name"/>}: writes one attribute of the logged-in citizen, HTML-escaped, and
 * nothing when nobody is logged in. The date of birth is written as {@code yyyy-MM-dd} unless a
 * {@link DateTimeFormatter} pattern is given, which is applied in the locale the browser prefers; the level
 * is written as {@code L1}, {@code L2} or {@code L3}.
 */
public final class IdentityTag extends SimpleTagSupport {

    private static final String DATE_OF_BIRTH = "dateOfBirth";

    private static final Map<String, Function<CieIdentity, Object>> PROPERTIES = Map.of(
            "name", CieIdentity::getName,
            "familyName", CieIdentity::getFamilyName,
            "fiscalNumber", CieIdentity::getFiscalNumber,
            "fiscalCode", CieIdentity::getFiscalCode,
            DATE_OF_BIRTH, CieIdentity::getDateOfBirth,
            "level", CieIdentity::getLevel);

    private String property;
    private String pattern;

    /** @param property name, familyName, fiscalNumber, fiscalCode, dateOfBirth or level */
    public void setProperty(String property) {
        this.property = property;
    }

    /** @param pattern {@link DateTimeFormatter} pattern for the dateOfBirth property */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void doTag() throws JspException, IOException {
        Function<CieIdentity, Object> getter = property == null ? null : PROPERTIES.get(property);
        if (getter == null) {
            throw new JspException("The property attribute must be one of name, familyName, fiscalNumber,"
                    + " fiscalCode, dateOfBirth, level");
        }
        if (pattern != null && !DATE_OF_BIRTH.equals(property)) {
            throw new JspException("The pattern attribute applies only to the dateOfBirth property");
        }
        PageRequest page = PageRequest.of(getJspContext());
        DateTimeFormatter formatter = formatter(page);
        CieIdentity identity = page.identity();
        if (identity == null) {
            return;
        }
        Object value = getter.apply(identity);
        if (value == null) {
            return; // a SPID or eIDAS identity without that attribute
        }
        String text;
        try {
            text = value instanceof LocalDate ? formatter.format((LocalDate) value) : value.toString();
        } catch (DateTimeException e) {
            throw new JspException("The pattern attribute asks for fields a date does not have: " + e.getMessage(), e);
        }
        page.write(Html.escape(text));
    }

    private DateTimeFormatter formatter(PageRequest page) throws JspException {
        if (pattern == null) {
            return DateTimeFormatter.ISO_LOCAL_DATE;
        }
        try {
            return DateTimeFormatter.ofPattern(pattern, page.request().getLocale());
        } catch (IllegalArgumentException e) {
            throw new JspException("The pattern attribute is not a valid DateTimeFormatter pattern: "
                    + e.getMessage(), e);
        }
    }
}
