package io.github.cieservlet.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The billing contact a private service provider's SPID metadata must carry ({@code ContactPerson
 * contactType="billing"} with the FatturaPA {@code CessionarioCommittente}): the {@code cie.spid.billing.*}
 * params. The VAT number, fiscal code and name are the organisation's ({@code cie.vatNumber},
 * {@code cie.fiscalCode}, {@code cie.organizationName}). Immutable.
 */
public final class SpidBilling {

    private final String email;
    private final String phone;
    private final String address;
    private final String streetNumber;
    private final String postalCode;
    private final String city;
    private final String province;
    private final String country;

    /**
     * @param email the billing contact's e-mail
     * @param phone its telephone, or null
     * @param address the street of the registered office
     * @param streetNumber the street number, or null
     * @param postalCode the postal code (CAP)
     * @param city the municipality's name
     * @param province the province's car-plate code, or null
     * @param country the ISO 3166-1 alpha-2 country
     */
    public SpidBilling(String email, String phone, String address, String streetNumber, String postalCode,
            String city, String province, String country) {
        this.email = Objects.requireNonNull(email, "email");
        this.phone = phone;
        this.address = Objects.requireNonNull(address, "address");
        this.streetNumber = streetNumber;
        this.postalCode = Objects.requireNonNull(postalCode, "postalCode");
        this.city = Objects.requireNonNull(city, "city");
        this.province = province;
        this.country = Objects.requireNonNull(country, "country");
    }

    /** @return the billing contact's e-mail */
    public String email() {
        return email;
    }

    /** @return the billing contact's telephone */
    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    /** @return the street of the registered office */
    public String address() {
        return address;
    }

    /** @return the street number */
    public Optional<String> streetNumber() {
        return Optional.ofNullable(streetNumber);
    }

    /** @return the postal code (CAP) */
    public String postalCode() {
        return postalCode;
    }

    /** @return the municipality's name */
    public String city() {
        return city;
    }

    /** @return the province's car-plate code */
    public Optional<String> province() {
        return Optional.ofNullable(province);
    }

    /** @return the ISO 3166-1 alpha-2 country */
    public String country() {
        return country;
    }
}
