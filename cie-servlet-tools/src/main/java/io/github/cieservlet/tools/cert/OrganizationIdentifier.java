package io.github.cieservlet.tools.cert;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The organizationIdentifier (2.5.4.97) of the certificate subject: {@code PA:IT-<IPA code>} for public bodies,
 * {@code VATIT-<VAT number>} or {@code CF:IT-<fiscal code>} for private ones.
 */
public final class OrganizationIdentifier {

    private static final Pattern PUBLIC = Pattern.compile("PA:IT-[A-Za-z0-9_]+");
    private static final Pattern VAT = Pattern.compile("VATIT-[0-9]{11}");
    private static final Pattern FISCAL_CODE = Pattern.compile("CF:IT-([0-9]{11}|[A-Z0-9]{16})");

    private OrganizationIdentifier() {
    }

    /**
     * @param value an organizationIdentifier
     * @return the sector it denotes, or empty when it has none of the three forms
     */
    public static Optional<Sector> sectorOf(String value) {
        if (PUBLIC.matcher(value).matches()) {
            return Optional.of(Sector.PUBLIC);
        }
        if (VAT.matcher(value).matches() || FISCAL_CODE.matcher(value).matches()) {
            return Optional.of(Sector.PRIVATE);
        }
        return Optional.empty();
    }

    /**
     * @param ipaCode the IPA code from indicepa.gov.it
     * @return {@code PA:IT-<ipaCode>}
     */
    public static String publicBody(String ipaCode) {
        return "PA:IT-" + ipaCode.trim();
    }

    /**
     * @param vatNumber the Italian VAT number, with or without the {@code IT} prefix
     * @return {@code VATIT-<11 digits>}
     */
    public static String vatNumber(String vatNumber) {
        String digits = vatNumber.trim().toUpperCase(Locale.ROOT);
        return "VATIT-" + (digits.startsWith("IT") ? digits.substring(2) : digits);
    }

    /**
     * @param fiscalCode the Italian fiscal code
     * @return {@code CF:IT-<fiscal code>}
     */
    public static String fiscalCode(String fiscalCode) {
        return "CF:IT-" + fiscalCode.trim().toUpperCase(Locale.ROOT);
    }

    /** @return the three accepted forms, for messages */
    public static String forms() {
        return "PA:IT-<IPA code>, VATIT-<11-digit VAT number> or CF:IT-<fiscal code>";
    }
}
