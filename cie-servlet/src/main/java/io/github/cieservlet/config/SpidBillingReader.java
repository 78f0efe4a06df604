package io.github.cieservlet.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code cie.spid.billing.*} params into a {@link SpidBilling}: required for a private subject
 * offering SPID or eIDAS (its SPID metadata needs the billing contact), refused for a public one, ignored when
 * neither SPID nor eIDAS is on. Problems go to the list of the {@link CieSettingsReader} that called it.
 */
final class SpidBillingReader {

    private static final List<CieParam> PARAMS = List.of(CieParam.SPID_BILLING_EMAIL, CieParam.SPID_BILLING_PHONE,
            CieParam.SPID_BILLING_ADDRESS, CieParam.SPID_BILLING_STREET_NUMBER, CieParam.SPID_BILLING_POSTAL_CODE,
            CieParam.SPID_BILLING_CITY, CieParam.SPID_BILLING_PROVINCE, CieParam.SPID_BILLING_COUNTRY);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]{6,15}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern TWO_LETTERS = Pattern.compile("[A-Z]{2}");

    private final ParamSource source;
    private final List<ConfigProblem> problems;

    /**
     * @param source the raw values
     * @param problems where problems are added
     */
    SpidBillingReader(ParamSource source, List<ConfigProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * @param spidMetadata whether the SPID metadata is published (SPID or eIDAS on)
     * @param subjectType the organisation's type, or null when it is itself a problem
     * @return the billing contact, or null when there is none or a problem was added
     */
    SpidBilling read(boolean spidMetadata, SubjectType subjectType) {
        if (!spidMetadata || subjectType == null) {
            return null;
        }
        if (subjectType == SubjectType.PUBLIC) {
            for (CieParam param : PARAMS) {
                if (source.value(param, problems).isPresent()) {
                    problem(param, "is for private subjects only (the billing contact of their SPID metadata), but"
                            + " cie.subjectType is public; remove it");
                }
            }
            return null;
        }
        Optional<String> email = required(CieParam.SPID_BILLING_EMAIL, EMAIL, "an e-mail address for invoices");
        Optional<String> phone = optional(CieParam.SPID_BILLING_PHONE, PHONE,
                "international format without spaces, e.g. +390612345678");
        Optional<String> address = required(CieParam.SPID_BILLING_ADDRESS, null, "the street, e.g. Via Roma");
        Optional<String> number = source.value(CieParam.SPID_BILLING_STREET_NUMBER, problems);
        Optional<String> postalCode = required(CieParam.SPID_BILLING_POSTAL_CODE, POSTAL_CODE, "five digits, e.g. 00100");
        Optional<String> city = required(CieParam.SPID_BILLING_CITY, null, "the municipality's name, e.g. Roma");
        Optional<String> province = optional(CieParam.SPID_BILLING_PROVINCE, TWO_LETTERS, "two upper-case letters, e.g. RM");
        Optional<String> country = optional(CieParam.SPID_BILLING_COUNTRY, TWO_LETTERS, "two upper-case letters, e.g. IT");
        if (email.isEmpty() || address.isEmpty() || postalCode.isEmpty() || city.isEmpty()) {
            return null;
        }
        return new SpidBilling(email.get(), phone.orElse(null), address.get(), number.orElse(null), postalCode.get(),
                city.get(), province.orElse(null), country.orElse("IT"));
    }

    private Optional<String> required(CieParam param, Pattern pattern, String hint) {
        Optional<String> value = source.value(param, problems);
        if (value.isEmpty()) {
            problem(param, "is required for a private subject offering SPID or eIDAS (the billing contact of the SPID"
                    + " metadata); set it to " + hint);
        }
        return checked(param, value, pattern, hint);
    }

    private Optional<String> optional(CieParam param, Pattern pattern, String hint) {
        return checked(param, source.value(param, problems), pattern, hint);
    }

    private Optional<String> checked(CieParam param, Optional<String> value, Pattern pattern, String hint) {
        if (value.isPresent() && pattern != null && !pattern.matcher(value.get()).matches()) {
            problem(param, "'" + value.get() + "' is not valid; use " + hint);
            return Optional.empty();
        }
        return value;
    }

    private void problem(CieParam param, String message) {
        problems.add(new ConfigProblem(param.key(), message));
    }
}
