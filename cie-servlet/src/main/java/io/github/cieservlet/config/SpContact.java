package io.github.cieservlet.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The administrative {@code <md:ContactPerson>} of the SP metadata with its {@code cie:} extensions. Which
 * fields are required depends on the {@link SubjectType}; {@link CieSettingsReader} enforces that.
 */
public final class SpContact {

    private final SubjectType subjectType;
    private final String ipaCode;
    private final String ipaCategory;
    private final String vatNumber;
    private final String fiscalCode;
    private final String nace2Code;
    private final String municipality;
    private final String province;
    private final String country;
    private final String email;
    private final String phone;

    /**
     * @param subjectType public or private
     * @param ipaCode IPA code (public), or null
     * @param ipaCategory IPA category, or null
     * @param vatNumber VAT number with country prefix (private), or null
     * @param fiscalCode fiscal code of the organisation (private), or null
     * @param nace2Code ATECO/NACE2 code (private), or null
     * @param municipality ISTAT code of the municipality, required
     * @param province province code, or null
     * @param country ISO 3166-1 alpha-2 country, or null
     * @param email institutional e-mail, required
     * @param phone telephone in international format, or null
     */
    public SpContact(SubjectType subjectType, String ipaCode, String ipaCategory, String vatNumber,
            String fiscalCode, String nace2Code, String municipality, String province, String country,
            String email, String phone) {
        this.subjectType = Objects.requireNonNull(subjectType, "subjectType");
        this.ipaCode = ipaCode;
        this.ipaCategory = ipaCategory;
        this.vatNumber = vatNumber;
        this.fiscalCode = fiscalCode;
        this.nace2Code = nace2Code;
        this.municipality = Objects.requireNonNull(municipality, "municipality");
        this.province = province;
        this.country = country;
        this.email = Objects.requireNonNull(email, "email");
        this.phone = phone;
    }

    /** @return public or private */
    public SubjectType subjectType() {
        return subjectType;
    }

    /** @return the IPA code */
    public Optional<String> ipaCode() {
        return Optional.ofNullable(ipaCode);
    }

    /** @return the IPA category */
    public Optional<String> ipaCategory() {
        return Optional.ofNullable(ipaCategory);
    }

    /** @return the VAT number */
    public Optional<String> vatNumber() {
        return Optional.ofNullable(vatNumber);
    }

    /** @return the organisation's fiscal code */
    public Optional<String> fiscalCode() {
        return Optional.ofNullable(fiscalCode);
    }

    /** @return the ATECO/NACE2 code */
    public Optional<String> nace2Code() {
        return Optional.ofNullable(nace2Code);
    }

    /** @return the ISTAT code of the municipality */
    public String municipality() {
        return municipality;
    }

    /** @return the province code */
    public Optional<String> province() {
        return Optional.ofNullable(province);
    }

    /** @return the country code */
    public Optional<String> country() {
        return Optional.ofNullable(country);
    }

    /** @return the institutional e-mail */
    public String email() {
        return email;
    }

    /** @return the telephone */
    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }
}
